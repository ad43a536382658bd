using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx;
using BnnCompiler.Zoo;

namespace BnnCompiler.Mapping.Tests;

/// <summary>
/// The models the tests map, each imported at most once per run: the study's BResNet18 (generated with seed 0 into a
/// temporary folder that is deleted afterwards), the shared TFC-W1A1 MLP and the default CNN (fmnist-cnn). The mapper never changes a graph.
/// </summary>
public sealed class StudyModels : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bnnc-mapping-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<IrGraph> _bresnet18;
    private readonly Lazy<IrGraph> _tfc;
    private readonly Lazy<IrGraph> _fmnistCnn;

    public StudyModels()
    {
        _bresnet18 = new Lazy<IrGraph>(() =>
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, "bresnet18.onnx");
            ImageNetZoo.Generate("bresnet18", 0, path);
            return OnnxFrontend.Load(path).Graph;
        });
        _tfc = new Lazy<IrGraph>(() => OnnxFrontend.Load(TestFiles.TfcModel).Graph);
        _fmnistCnn = new Lazy<IrGraph>(() => OnnxFrontend.Load(TestFiles.Model("fmnist-cnn.onnx")).Graph);
    }

    public IrGraph BResNet18 => _bresnet18.Value;

    public IrGraph Tfc => _tfc.Value;

    public IrGraph FmnistCnn => _fmnistCnn.Value;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StudyModelsCollection : ICollectionFixture<StudyModels>
{
    public const string Name = "study models";
}
