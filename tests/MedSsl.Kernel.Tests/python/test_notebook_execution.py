"""Notebooks executed end to end by Jupyter's own tools (nbconvert, nbclient) on the kernel, as CI and
`jupyter nbconvert --execute` users run them."""
import os
import subprocess
import sys
import tempfile
import unittest

import kernel_env
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNELSPEC = {"name": kernel_env.KERNEL, "display_name": "C# (MedSSL)", "language": "C#"}


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.cells = [nbformat.v4.new_code_cell(c) if isinstance(c, str) else c for c in cells]
    return nb


def text(output):
    if output["output_type"] == "stream":
        return output["text"]
    return output.get("data", {}).get("text/plain", "")


class NbconvertTests(unittest.TestCase):
    def test_execute_writes_text_html_and_display_outputs(self):
        nb = notebook(
            nbformat.v4.new_markdown_cell("# Results"),
            'var title = "MICLe";',
            'Console.WriteLine($"{title} fine-tuning");',
            'new[] { new { Task = "derm", Top1 = 0.71 }, new { Task = "cxr", Top1 = 0.76 } }',
            'var progress = display("epoch 1");\nprogress.Update("epoch 2");',
            'class Badge : IMimeRenderable\n{\n    public IReadOnlyDictionary<string, string> ToMimeBundle() =>\n'
            '        new Dictionary<string, string> { ["text/html"] = "<b>AUC 0.80</b>", ["text/plain"] = "AUC 0.80" };\n}\n'
            'display(new Badge());',
            'torch.arange(4).reshape(2, 2)',
            'MedSsl.Figures.Figure.Line(new double[] { 1.0, 0.6, 0.4 }, "loss").WithAxes("step", "loss")',
            'new MedSsl.Display.ImageGrid(torch.rand(2, 3, 8, 8), new[] { "view 1", "view 2" })',
        )
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "results.ipynb")
            nbformat.write(nb, src)
            done = subprocess.run(
                [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", src, "--output", "executed.ipynb",
                 "--ExecutePreprocessor.timeout=120", "--ExecutePreprocessor.startup_timeout=120"],
                capture_output=True, text=True, timeout=300)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            out = nbformat.read(os.path.join(tmp, "executed.ipynb"), as_version=4)
        cells = out.cells
        self.assertEqual([c.execution_count for c in cells[1:]], [1, 2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(cells[1].outputs, [])
        self.assertEqual([(o.output_type, o.name, o.text) for o in cells[2].outputs], [("stream", "stdout", "MICLe fine-tuning\n")])
        (table,) = cells[3].outputs
        self.assertEqual(table.output_type, "execute_result")
        self.assertIn("<th>Task</th><th>Top1</th>", table.data["text/html"])
        self.assertIn("<td>&quot;cxr&quot;</td><td>0.76</td>", table.data["text/html"])
        (progress,) = cells[4].outputs
        self.assertEqual((progress.output_type, progress.data["text/plain"]), ("display_data", "epoch 2"))
        (badge,) = cells[5].outputs
        self.assertEqual((badge.output_type, badge.data["text/html"]), ("display_data", "<b>AUC 0.80</b>"))
        self.assertIn("tensor({2, 2}, int64", text(cells[6].outputs[0]))
        (figure,) = cells[7].outputs
        self.assertEqual(figure.data["application/vnd.plotly.v1+json"]["data"][0]["type"], "scatter")
        self.assertIn("Plotly.newPlot", figure.data["text/html"])
        (grid,) = cells[8].outputs
        import base64
        self.assertTrue(base64.b64decode(grid.data["image/png"]).startswith(b"\x89PNG"))


class NbclientTests(unittest.TestCase):
    def test_errors_stop_the_run_unless_expected(self):
        nb = notebook('int.Parse("not a number")', 'throw new InvalidOperationException("cell 3 failed");', '"never"')
        nb.cells[0].metadata["tags"] = ["raises-exception"]
        nb.cells.insert(0, nbformat.v4.new_code_cell('Console.WriteLine("before");'))
        client = NotebookClient(nb, timeout=120, startup_timeout=120, kernel_name=kernel_env.KERNEL)
        with self.assertRaises(CellExecutionError) as caught:
            client.execute()
        self.assertEqual(caught.exception.ename, "InvalidOperationException")
        self.assertEqual(caught.exception.evalue, "cell 3 failed")
        self.assertEqual(text(nb.cells[0].outputs[0]), "before\n")
        self.assertEqual(nb.cells[1].outputs[0].ename, "FormatException")
        self.assertEqual(nb.cells[3].outputs, [])


if __name__ == "__main__":
    unittest.main()
