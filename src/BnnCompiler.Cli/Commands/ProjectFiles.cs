namespace BnnCompiler.Cli.Commands;

/// <summary>Finds the project's shipped files (default model, specs) from the working directory or the program's folder.</summary>
public static class ProjectFiles
{
    /// <summary>The model that commands use when none is given.</summary>
    public const string DefaultModel = "onnx-models/fmnist-cnn.onnx";

    /// <summary>The dataset that goes with the default model.</summary>
    public const string DefaultData = "fashion-mnist";

    public static string? Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
