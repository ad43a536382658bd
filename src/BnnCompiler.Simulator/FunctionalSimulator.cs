using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator;

/// <summary>
/// Runs a canonical graph with every binary layer whose input is integer-coded executed on the crossbar
/// model (<see cref="CrossbarLayer"/>) and everything else exactly as the interpreter does (digital).
/// Thread-safe; counters accumulate over every image run.
/// </summary>
public sealed class FunctionalSimulator
{
    private readonly IrInterpreter _interpreter;
    private readonly Dictionary<string, CrossbarLayer> _layers = [];

    public FunctionalSimulator(IrGraph graph, HardwareSpec spec)
    {
        var encodings = EncodingAnalysis.Compute(graph);
        var imageValues = ImageValues(graph);
        _interpreter = new IrInterpreter(graph, node =>
        {
            if (encodings.GetValueOrDefault(node.Inputs[0]) is not { } encoding
                || encoding.Scale != MathF.Round(encoding.Scale) || encoding.Offset != MathF.Round(encoding.Offset))
            {
                return null;
            }

            var layer = new CrossbarLayer(node, encoding, imageValues.Contains(node.Inputs[0]), spec);
            _layers[node.Name] = layer;
            return layer;
        });
    }

    /// <summary>The crossbar-executed layers, by IR node name, in graph order.</summary>
    public IReadOnlyDictionary<string, CrossbarLayer> Layers => _layers;

    /// <summary>True when the ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => _layers.Values.All(l => l.IsExact);

    public float[] Run(ReadOnlySpan<float> input) => _interpreter.Run(input);

    /// <summary>Values that carry the image itself (the graph input and its reshapes).</summary>
    private static HashSet<IrValue> ImageValues(IrGraph graph)
    {
        var set = new HashSet<IrValue>(graph.Inputs);
        foreach (var node in graph.Nodes)
        {
            if (node is ReshapeNode or TransposeNode && set.Contains(node.Inputs[0]))
            {
                set.Add(node.Output);
            }
        }

        return set;
    }
}
