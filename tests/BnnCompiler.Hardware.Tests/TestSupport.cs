using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware.Tests;

/// <summary>Shared helpers: the repository root, and the diagnostics a spec text produces.</summary>
internal static class TestSupport
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SpecPath(string name) => Path.Combine(RepoRoot, "hwspecs", name);

    /// <summary>The diagnostics, as printed, that parsing <paramref name="yaml"/> as x.yaml reports; fails when it parses.</summary>
    public static IReadOnlyList<string> Errors(string yaml, params string[] overrides) =>
        Diagnostics(yaml, overrides).Select(d => d.ToString()).ToList();

    public static IReadOnlyList<Diagnostic> Diagnostics(string yaml, params string[] overrides)
    {
        var exception = Assert.Throws<DiagnosticException>(() => HardwareSpecLoader.Parse(yaml, "x.yaml", overrides));
        return exception.Diagnostics;
    }

    public static HardwareSpec Parse(string yaml, params string[] overrides) => HardwareSpecLoader.Parse(yaml, "x.yaml", overrides);

    /// <summary>Above the test binaries, or (for builds with --artifacts-path elsewhere) where the project file was at build time.</summary>
    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BnnCompiler.sln")))
            {
                return directory.FullName;
            }
        }

        var builtFrom = typeof(TestSupport).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (builtFrom is not null && File.Exists(Path.Combine(builtFrom, "BnnCompiler.sln")))
        {
            return Path.GetFullPath(builtFrom);
        }

        throw new InvalidOperationException("BnnCompiler.sln not found above " + AppContext.BaseDirectory);
    }
}
