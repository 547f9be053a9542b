"""The protocol checks every Jupyter kernel should pass (jupyter_kernel_test, Debian's 0.4.5)."""
import unittest

import kernel_env  # noqa: F401  (private JUPYTER_PATH with the kernelspec; import first)
import jupyter_kernel_test


class MedSslKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_env.KERNEL
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'
    code_generate_error = 'throw new InvalidOperationException("boom");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "System.Collections.Gen", "matches": {"Generic"}},
        {"text": "var learningRate = 0.1;\nlearningR", "matches": {"learningRate"}},
    ]
    complete_code_samples = ["1 + 1", "Console.WriteLine(1);", "int F(int x) => x;", "if (true) { }"]
    incomplete_code_samples = ["if (true) {", "int F(int x) {", "var y = 1 +", "foreach (var i in new[] { 1 })"]
    invalid_code_samples = ["var x = ;", "int 1x = 2;", "}"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"ab" + "cd"', "result": "abcd"},
        {"code": "new[] { 1, 2, 3 }", "result": "int[3] { 1, 2, 3 }"},
        {"code": "torch.ones(2, 3).sum().item<float>()", "result": "6"},
        {"code": "new[] { new { Name = \"derm\", Top1 = 0.71 } }", "mime": "text/html"},
    ]
    code_display_data = [
        {"code": "display(42);", "mime": "text/plain"},
        {"code": "display(new[] { new { A = 1 } });", "mime": "text/html"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"
    code_inspect_sample = "Console.WriteLine"
    code_clear_output = "clear_output();"


if __name__ == "__main__":
    unittest.main()
