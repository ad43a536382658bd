using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

/// <summary>docs/hwspec.md is written from the same table the loader uses. Run with BNN_UPDATE_DOCS=1 to regenerate it.</summary>
public class DocsTests
{
    private static readonly string DocPath = Path.Combine(RepoRoot, "docs", "hwspec.md");

    [Fact]
    public void Should_Keep_The_Generated_Tables_Of_The_Docs_In_Step_With_The_Schema()
    {
        var document = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var regenerated = HardwareSpecDocs.Regenerate(document);
        if (Environment.GetEnvironmentVariable("BNN_UPDATE_DOCS") == "1" && regenerated != document)
        {
            File.WriteAllText(DocPath, regenerated);
            document = regenerated;
        }

        Assert.True(regenerated == document, "docs/hwspec.md is out of date: run the Hardware tests with BNN_UPDATE_DOCS=1");
    }

    [Fact]
    public void Should_List_Every_Key_And_Every_Code_In_The_Docs()
    {
        var document = File.ReadAllText(DocPath);

        Assert.All(HardwareSpecSchema.Fields, field => Assert.Contains($"| `{field.Path}` |", document));
        Assert.All(HardwareSpecCodes.All, code => Assert.Contains($"| {code.Code} |", document));
    }
}
