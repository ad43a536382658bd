using System.Reflection;

namespace BnnCompiler.Mapping.Tests;

/// <summary>The repository's specs, its shipped models and the third-party TFC model, found from the test binaries or the build's project folder.</summary>
internal static class TestFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Spec(string name) => Require(Path.Combine(RepoRoot, "hwspecs", name));

    public static string Model(string name) => Require(Path.Combine(RepoRoot, "onnx-models", name));

    public static string TfcModel => Require(Path.Combine(RepoRoot, "onnx-models", "external", "tfc-w1a1", "TFC_1W1A.qonnx.onnx"));

    /// <summary>Returns the path, failing with a clear message when the file is missing.</summary>
    public static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"test input missing: {path}");

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BnnCompiler.sln")))
            {
                return directory.FullName;
            }
        }

        var builtFrom = typeof(TestFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        return builtFrom is not null && File.Exists(Path.Combine(builtFrom, "BnnCompiler.sln"))
            ? Path.GetFullPath(builtFrom)
            : throw new InvalidOperationException("BnnCompiler.sln not found above " + AppContext.BaseDirectory);
    }
}
