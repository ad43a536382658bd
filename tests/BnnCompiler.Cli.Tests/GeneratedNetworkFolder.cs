namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A temporary folder shared by one test class for the zoo networks it generates (each generated once per run),
/// deleted when the class's tests are done.
/// </summary>
public sealed class GeneratedNetworkFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bnnc-generated-networks-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open elsewhere: the system's temp cleanup takes the rest
        }
    }
}
