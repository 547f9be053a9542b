using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Tests.Engine;

[Collection("ScriptSession")]
public class CodeIntelligenceTests(SessionFixture fixture)
{
    IReadOnlyList<string> Complete(string code, out int start) => fixture.Session.Complete(code, code.Length, out start, out _);

    [Fact]
    public void Complete_MembersOfAType()
    {
        var matches = Complete("Console.WriteL", out var start);
        Assert.Equal(["WriteLine"], matches);
        Assert.Equal("Console.".Length, start);
    }

    [Fact]
    public void Complete_StaticKitMembers() =>
        Assert.Contains("randn", Complete("torch.ra", out _));

    [Fact]
    public void Complete_InstanceMembersAndExtensionMethods()
    {
        var matches = Complete("var words = new List<string>(); words.", out _);
        Assert.Contains("Count", matches);
        Assert.Contains("Select", matches); // LINQ extension
        Assert.DoesNotContain("ReferenceEquals", matches); // static members of object are not instance members
    }

    [Fact]
    public void Complete_VariablesOfEarlierCells_AndKeywords()
    {
        fixture.Run("var learningRate = 0.1;");
        Assert.Contains("learningRate", Complete("learn", out _));
        Assert.Contains("foreach", Complete("fore", out _));
    }

    [Fact]
    public void Complete_Namespaces() =>
        Assert.Equal(["Generic"], Complete("System.Collections.Gen", out _));

    [Fact]
    public void Inspect_ShowsSignatureAndDocSummary()
    {
        var text = fixture.Session.Inspect("Console.WriteLine", "Console.WriteLine".Length, 0);
        Assert.NotNull(text);
        Assert.Contains("Console.WriteLine(", text);
        Assert.Contains("overload", text);
        Assert.Contains("standard output", text); // from the SDK's XML docs
    }

    [Fact]
    public void Inspect_InsideACall_DescribesTheMethodCalled()
    {
        var text = fixture.Session.Inspect("torch.zeros(", "torch.zeros(".Length, 0);
        Assert.NotNull(text);
        Assert.Contains("Tensor torch.zeros(", text);
    }

    [Fact]
    public void Inspect_VariableShowsTypeAndValue()
    {
        fixture.Run("var answer = 42;");
        var text = fixture.Session.Inspect("answer", 3, 0);
        Assert.StartsWith("int answer\nvalue: 42", text);
    }

    [Fact]
    public void Inspect_NothingThere_IsNull() => Assert.Null(fixture.Session.Inspect("   ", 1, 0));

    [Theory]
    [InlineData("", "complete")]
    [InlineData("1 + 1", "complete")]
    [InlineData("Console.WriteLine(1);", "complete")]
    [InlineData("int F(int x) => x;", "complete")]
    [InlineData("1 +", "incomplete")]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("for (int i = 0; i < 3; i++)", "incomplete")]
    [InlineData("var x = ;", "invalid")]
    [InlineData("int 1x = 2;", "invalid")]
    public void IsComplete(string code, string expected) => Assert.Equal(expected, ScriptSession.IsComplete(code, out _));

    [Fact]
    public void IsComplete_SuggestsIndentInsideBlocks()
    {
        ScriptSession.IsComplete("if (true) {\n  if (false) {", out var indent);
        Assert.Equal(new string(' ', 8), indent);
    }
}
