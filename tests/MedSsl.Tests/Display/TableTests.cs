using MedSsl.Display;

namespace MedSsl.Tests;

public class TableTests
{
    record Result(string Method, double LabelFraction, double Top1, int Epochs);

    static readonly Result[] Results =
    {
        new("Supervised", 0.1, 0.61234, 90),
        new("SimCLR", 0.1, 0.65, 90),
        new("MICLe", 1.0, 0.7012345, 100),
    };

    [Fact]
    public void Records_become_columns_in_declaration_order_with_aligned_numbers()
    {
        var text = Table.From(Results).WithCaption("DermaMNIST top-1").ToText();
        var lines = text.Split('\n');
        Assert.Equal("DermaMNIST top-1", lines[0]);
        Assert.Equal("Method      LabelFraction    Top1  Epochs", lines[1]);
        Assert.Equal("----------  -------------  ------  ------", lines[2]);
        Assert.Equal("Supervised         0.1000  0.6123      90", lines[3]);
        Assert.Equal("MICLe              1.0000  0.7012     100", lines[5]);
    }

    [Fact]
    public void Rows_typed_as_object_are_read_by_their_runtime_type()
    {
        var rows = new List<object> { new { run = "a", auc = 0.75 }, new { run = "b", auc = 0.8 } };
        var t = Table.From(rows);
        Assert.Equal(new[] { "run", "auc" }, t.Columns);
        Assert.Equal(0.8, t[1, "auc"]);
    }

    [Fact]
    public void Formats_can_be_set_per_column()
    {
        var t = Table.From(Results).WithFormat("Top1", "0.0%").WithFormat("LabelFraction", "0%");
        Assert.Equal("61.2%", t.ToText().Split('\n')[2].Split("  ", StringSplitOptions.RemoveEmptyEntries)[2].Trim());
        Assert.Contains("<td style=\"text-align:right\">70.1%</td>", t.ToHtml());
        Assert.Contains("No column 'top1'", Assert.Throws<KeyNotFoundException>(() => t.WithFormat("top1", "F2")).Message);
    }

    [Fact]
    public void Small_magnitudes_keep_significant_digits_and_nan_and_null_show()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["lr"] = 3e-4, ["loss"] = 2.302585, ["note"] = "warm-up" },
            new Dictionary<string, object?> { ["lr"] = 1e-5, ["loss"] = double.NaN },
        };
        var t = Table.From(rows);
        Assert.Equal(new[] { "lr", "loss", "note" }, t.Columns);
        var lines = t.ToText().Split('\n');
        Assert.Equal("    lr    loss  note", lines[0]);
        Assert.Equal("0.0003  2.3026  warm-up", lines[2]);
        Assert.Equal(" 1e-05     NaN", lines[3]);
        Assert.Null(t[1, "note"]);
    }

    [Fact]
    public void Html_escapes_every_text_and_marks_numeric_columns()
    {
        var t = new Table(new[] { "<name>", "acc" }, new[] { new object?[] { "a & <b>", 0.5 } }).WithCaption("</table><script>");
        var html = t.ToHtml();
        Assert.Contains("<caption>&lt;/table&gt;&lt;script&gt;</caption>", html);
        Assert.Contains("<th style=\"text-align:left\">&lt;name&gt;</th>", html);
        Assert.Contains("<td style=\"text-align:left\">a &amp; &lt;b&gt;</td>", html);
        Assert.Contains("<td style=\"text-align:right\">0.5000</td>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(new[] { "text/html", "text/plain" }, t.ToMimeBundle().Keys.Order());
    }

    [Fact]
    public void Long_tables_are_elided_in_the_middle_and_say_how_many_rows()
    {
        var t = Table.From(Enumerable.Range(0, 100).Select(i => new { step = i, loss = 1.0 / (i + 1) }));
        t.MaxRows = 8;
        var lines = t.ToText().Split('\n');
        Assert.Equal(2 + 8 + 1, lines.Length);
        Assert.Equal("… 92 rows not shown …", lines[8]);
        Assert.StartsWith("  99", lines[^1]);
        Assert.Contains("… 92 rows not shown …", t.ToHtml());
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_index()
    {
        var e = Assert.Throws<ArgumentException>(() => new Table(new[] { "a", "b" }, new[] { new object?[] { 1, 2 }, new object?[] { 1 } }));
        Assert.Contains("Row 1 has 1 values for 2 columns (a, b)", e.Message);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new Table(new[] { "a", "a" }, Array.Empty<object?[]>())).Message);
    }
}
