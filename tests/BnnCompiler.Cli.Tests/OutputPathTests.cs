using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// An output path that cannot be written is a BNN1010 diagnostic naming it (exit 2), found before the command
/// does its work, and no partial or temporary file remains.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string[]> UnwritableFileCommands() => new()
    {
        new[] { "evaluate", "--limit", "4", "-o", "/proc/bnnc-report.json" },
        new[] { "reference", Tfc, "--data", "mnist-heldout", "--limit", "4", "-o", "/proc/bnnc-report.json" },
        new[] { "compile", Tfc, "-o", "/proc/bnnc.prog" },
        new[] { "zoo", "generate", "balexnet", "-o", "/proc/bnnc.onnx" },
        new[] { "sweep", "--limit", "4", "--adc-bits", "3", "-o", "/proc/bnnc-sweep" },
        new[] { "study", "--limit", "4", "-o", "/proc/bnnc-study" },
    };

    private static string Tfc => RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");

    [Theory]
    [MemberData(nameof(UnwritableFileCommands))]
    public void Should_Name_An_Unwritable_Output_Path(string[] args)
    {
        var path = args[^1];
        CliRun.Of(args).ShouldFailWith(OutputPaths.Unwritable, path, "cannot write the output");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Should_Name_An_Output_Below_A_File()
    {
        var file = Path.Combine(_dir, "plain.txt");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "report.json");
        CliRun.Of("compile", Tfc, "-o", path).ShouldFailWith(OutputPaths.Unwritable, path);
        Assert.Equal(["plain.txt"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_Refuse_A_Folder_As_An_Output_File()
    {
        CliRun.Of("compile", Tfc, "-o", _dir).ShouldFailWith(OutputPaths.Unwritable, _dir, "it is a folder");
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Should_Leave_No_Partial_File_When_A_Write_Fails_Midway()
    {
        var path = Path.Combine(_dir, "report.json");
        var e = Assert.Throws<DiagnosticException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "{ \"half\": ");
            throw new IOException("No space left on device");
        }));
        Assert.Equal(OutputPaths.Unwritable, e.Diagnostics.Single().Code);
        Assert.Contains(path, e.Diagnostics.Single().ToString());
        Assert.Contains("No space left on device", e.Diagnostics.Single().Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Should_Replace_An_Existing_File_Whole()
    {
        var path = Path.Combine(_dir, "report.json");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }
}
