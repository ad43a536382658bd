namespace BnnCompiler.Testing;

/// <summary>Paths of the repository and of the team's shared models, found from the test's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the checkout (read-only; CI has it too).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SharedModel(string relative) => Require(Path.Combine(Shared, "models", relative));

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
