using BnnCompiler.Core.IO;

namespace BnnCompiler.Core.Tests;

/// <summary>An atomic write leaves either the whole new file or the old one, and never a temporary file.</summary>
public sealed class AtomicWriteTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bnnc-atomic-").FullName;

    [Fact]
    public void Should_Replace_The_File_And_Leave_Nothing_Else()
    {
        var path = Path.Combine(_directory, "report.json");
        AtomicWrite.Text(path, "old");

        AtomicWrite.Text(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Should_Keep_The_Old_File_When_The_Writer_Fails()
    {
        var path = Path.Combine(_directory, "report.json");
        AtomicWrite.Text(path, "old");

        Assert.Throws<IOException>(() => AtomicWrite.File(path, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
