namespace BnnCompiler.Trainer.Tests;

/// <summary>Paths inside the repository, found from the test assembly's folder upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "onnx-models");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BnnCompiler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no BnnCompiler.sln above {AppContext.BaseDirectory}");
    }
}
