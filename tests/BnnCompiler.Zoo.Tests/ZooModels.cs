using Onnx;

namespace BnnCompiler.Zoo.Tests;

/// <summary>
/// Builds each model at most once per test run (BAlexNet alone is ~250 MB of weights) and shares it
/// between the test classes that read it.
/// </summary>
public sealed class ZooModels
{
    public const int Seed = 20230812;

    private readonly Dictionary<string, Lazy<ModelProto>> _models =
        ImageNetZoo.Names.ToDictionary(n => n, n => new Lazy<ModelProto>(() => ImageNetZoo.Build(n, Seed)));

    private readonly Dictionary<string, Lazy<ModelInspector>> _inspectors;

    public ZooModels() =>
        _inspectors = ImageNetZoo.Names.ToDictionary(n => n, n => new Lazy<ModelInspector>(() => new ModelInspector(_models[n].Value)));

    public ModelProto Model(string name) => _models[name].Value;

    internal ModelInspector Inspector(string name) => _inspectors[name].Value;
}

[CollectionDefinition(Name)]
public sealed class ZooModelsCollection : ICollectionFixture<ZooModels>
{
    public const string Name = "zoo models";
}
