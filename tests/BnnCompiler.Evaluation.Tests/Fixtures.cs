using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>The shipped default model and spec with a mixed-class slice of their test set, loaded once.</summary>
internal static class Fixtures
{
    private static readonly Lazy<ImportedModel> Cnn = new(() => OnnxFrontend.Load(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx")));

    public static ImportedModel DefaultModel => Cnn.Value;

    public static HardwareSpec Spec(params string[] overrides) => HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), overrides);

    /// <summary>The first <paramref name="count"/> Fashion-MNIST test images (every class occurs among the first 100).</summary>
    public static SampleFeeder Feeder(int count) =>
        new(DefaultModel.Graph, DatasetCatalog.Load("fashion-mnist").Take(count), DefaultModel.Path);
}
