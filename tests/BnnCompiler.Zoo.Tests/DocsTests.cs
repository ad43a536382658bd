namespace BnnCompiler.Zoo.Tests;

/// <summary>docs/imagenet-models.md shows the layer tables the generator builds.</summary>
public sealed class DocsTests
{
    [Theory]
    [InlineData("balexnet")]
    [InlineData("bresnet18")]
    [InlineData("bdensenet28")]
    public void Should_Show_The_Generated_Layer_Table(string model)
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "imagenet-models.md")).ReplaceLineEndings("\n");
        var table = ImageNetZoo.Describe(model).ToMarkdownTable();
        Assert.True(doc.Contains(table, StringComparison.Ordinal),
            $"docs/imagenet-models.md lacks the current table of {model}; regenerate it:\n{table}");
    }
}
