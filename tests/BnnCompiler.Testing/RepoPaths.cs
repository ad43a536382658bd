namespace BnnCompiler.Testing;

/// <summary>Paths of the repository and of the third-party models it ships, found from the test's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The pretrained third-party models and their test digits (onnx-models/external, see its README).</summary>
    public static string External => Path.Combine(Root, "onnx-models", "external");

    /// <summary>A file under onnx-models/external, failing with a clear message when it is missing.</summary>
    public static string ExternalModel(string relative) => Require(Path.Combine(External, relative));

    public static string Repo(string relative) => Path.Combine(Root, relative);

    /// <summary>Returns the path, failing with a clear message when the file is missing.</summary>
    public static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"test input missing: {path}");

    private static string FindRoot()
    {
        // Recorded at build time, so tests built into an artifacts folder outside the checkout still find it.
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "BnnCompiler.sln")))
        {
            return recorded;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BnnCompiler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BnnCompiler.sln not found above " + AppContext.BaseDirectory);
    }
}
