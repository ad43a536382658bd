using System.Runtime.InteropServices;
using BnnCompiler.Trainer.Model;
using Onnx;

namespace BnnCompiler.Trainer.Export;

/// <summary>
/// Reads a network's state back from the trainer's own QONNX export (latent weights, BatchNorm parameters and
/// statistics, by initializer name), to continue training from it (<c>--init</c>).
/// </summary>
internal static class QonnxLoader
{
    public static void LoadInto(Network net, byte[] qonnxBytes)
    {
        var model = ModelProto.Parser.ParseFrom(qonnxBytes);
        var tensors = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);

        void Fill(string name, float[] target)
        {
            if (!tensors.TryGetValue(name, out var t))
            {
                throw new ArgumentException($"the initial model has no initializer '{name}' (not a {net.Arch} export with these widths?)");
            }

            var values = MemoryMarshal.Cast<byte, float>(t.RawData.Span);
            if (values.Length != target.Length)
            {
                throw new ArgumentException($"initializer '{name}' has {values.Length} values, the network needs {target.Length}");
            }

            values.CopyTo(target);
        }

        foreach (var module in net.Root.All())
        {
            switch (module)
            {
                case BinaryConv2d conv:
                    Fill(conv.Name + ".weight", conv.Weight.Value);
                    break;
                case BinaryLinear fc:
                    Fill(fc.Name + ".weight", fc.Weight.Value);
                    break;
                case BatchNorm bn:
                    Fill(bn.Name + ".weight", bn.Gamma.Value);
                    Fill(bn.Name + ".bias", bn.Beta.Value);
                    Fill(bn.Name + ".running_mean", bn.RunningMean);
                    Fill(bn.Name + ".running_var", bn.RunningVar);
                    break;
            }
        }
    }
}
