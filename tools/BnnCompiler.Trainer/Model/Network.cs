using System.Globalization;
using BnnCompiler.Onnx.Building;
using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>A whole network: 1×28×28 raw 8-bit image in, 10 logits out (the last module is the classifier BatchNorm).</summary>
internal sealed class Network
{
    public Network(string arch, Sequential root, Shape input)
    {
        Arch = arch;
        Root = root;
        Input = input;
        var output = root.OutputShape(input);
        Classes = output.Size;
        if (root.Modules[^1] is not BatchNorm)
        {
            throw new ArgumentException("the last layer must be the classifier BatchNorm");
        }
    }

    public string Arch { get; }

    public Sequential Root { get; }

    public Shape Input { get; }

    public int Classes { get; }

    public IEnumerable<Param> Params() => Root.Params();

    public IEnumerable<BatchNorm> BatchNorms() => Root.All().OfType<BatchNorm>();

    public long ParameterCount => Params().Sum(p => (long)p.Value.Length);

    public IEnumerable<string> Describe() => Root.Describe(Input);

    /// <summary>Writes the network as ONNX (opset 13, IR 8): input <c>image</c> [1,1,28,28] raw 0..255, output <c>logits</c> [1,10].</summary>
    public byte[] ToOnnx(Dialect dialect, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Root.PrepareWeights();
        var builder = new OnnxModelBuilder(Arch, opset: 13, irVersion: 8);
        if (dialect == Dialect.Qonnx)
        {
            builder.Opset(OnnxExport.QonnxDomain, 1);
        }

        builder.Metadata("bnnc.input_range", "0-255");
        builder.Metadata("bnnc.dialect", dialect == Dialect.Qonnx ? "qonnx" : "plain");
        if (metadata is not null)
        {
            foreach (var (k, v) in metadata)
            {
                builder.Metadata(k, v);
            }
        }

        var export = new OnnxExport(builder, dialect, Root.Modules[^1]);
        var image = builder.Input("image", [1, Input.C, Input.H, Input.W]);
        var logits = Root.Export(export, image, Input);
        if (logits != "logits")
        {
            throw new InvalidOperationException("the classifier BatchNorm did not produce 'logits'");
        }

        builder.Output(logits, [1, Classes]);
        return builder.ToBytes();
    }
}
