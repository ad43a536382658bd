using BnnCompiler.Cli.Commands;
using BnnCompiler.Data;

namespace BnnCompiler.Cli.Tests;

/// <summary><c>--limit N</c> notes a prefix that misses classes of its set.</summary>
public class LimitOptionTests
{
    [Fact]
    public void Should_Note_A_Prefix_Of_Mnist_That_Holds_One_Class()
    {
        var mnist = DatasetCatalog.Load("mnist");
        var note = LimitOption.MissingClassesNote(mnist, mnist.Take(150));
        Assert.NotNull(note);
        Assert.Contains("the first 150 images of mnist hold 1 of its 10 classes", note);
        Assert.Contains("mnist-heldout", note);
    }

    [Theory]
    [InlineData("mnist-heldout", 200)]
    [InlineData("fashion-mnist", 200)]
    [InlineData("mnist", 10_000)]
    public void Should_Say_Nothing_When_Every_Class_Is_Held(string name, int count)
    {
        var data = DatasetCatalog.Load(name);
        Assert.Null(LimitOption.MissingClassesNote(data, data.Take(count)));
    }
}
