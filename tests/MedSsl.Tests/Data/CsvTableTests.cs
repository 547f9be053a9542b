namespace MedSsl.Tests;

public class CsvTableTests
{
    [Fact]
    public void Parses_quotes_crlf_and_bom_and_keeps_line_numbers()
    {
        var csv = CsvTable.Parse("\uFEFFa,b,c\r\n1,\"x, y\",3\r\n\r\n4,\"he said \"\"hi\"\"\nand left\",6\n7,8,9", "t.csv");
        Assert.Equal(new[] { "a", "b", "c" }, csv.Header);
        Assert.Equal(3, csv.Rows.Count);
        Assert.Equal("x, y", csv.Rows[0][1]);
        Assert.Equal("he said \"hi\"\nand left", csv.Rows[1][1]);
        Assert.Equal(new[] { 2, 4, 6 }, csv.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Missing_columns_are_named_with_the_file_and_the_header()
    {
        var csv = CsvTable.Parse("Path,Sex\nx,F\n", "train.csv");
        var e = Assert.Throws<DatasetException>(() => csv.Require(new[] { "Path", "Edema", "Age" }));
        Assert.StartsWith("train.csv, line 1, column 'Edema', 'Age'", e.Message);
        Assert.Contains("Path, Sex", e.Message);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_reported_with_its_line()
    {
        var csv = CsvTable.Parse("a,b\n1,2\n3\n", "f.csv");
        var e = Assert.Throws<DatasetException>(() => csv.Complete(csv.Rows[1], new RowIssues(BadRows.Throw)));
        Assert.Equal(3, e.Line);
        Assert.Contains("1 fields", e.Message);
        var skip = new RowIssues(BadRows.Skip);
        Assert.False(csv.Complete(csv.Rows[1], skip));
        Assert.Single(skip.Skipped);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opens_on()
    {
        var e = Assert.Throws<DatasetException>(() => CsvTable.Parse("a\n\"oops\n", "q.csv"));
        Assert.Equal("q.csv, line 2: a quoted field is never closed.", e.Message);
    }
}
