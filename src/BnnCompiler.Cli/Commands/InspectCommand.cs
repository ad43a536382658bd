using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Analysis;

namespace BnnCompiler.Cli.Commands;

/// <summary><c>bnnc inspect MODEL [--json] [--all]</c>: dialect, and the table of layers of the canonical IR.</summary>
public static class InspectCommand
{
    public static CliCommand Command { get; } = new(
        "inspect",
        "show the dialect and the layers of a binarized ONNX model",
        "bnnc inspect MODEL [--json] [--all] [--ir]",
        [
            new OptionSpec("json", "print JSON instead of a table", TakesValue: false),
            new OptionSpec("all", "list reshapes too (hidden by default)", TakesValue: false),
            new OptionSpec("ir", "print the canonical IR after the table", TakesValue: false),
            .. ModelOptions.All,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var model = ModelOptions.Load(args, "inspect");
        var layers = LayerTable.Build(model.Graph)
            .Where(l => args.Has("all") || l.Op != "reshape")
            .ToList();
        var linear = layers.Where(l => l.Rows > 0).ToList();
        if (args.Has("json"))
        {
            output.WriteLine(Json.Serialize(new
            {
                Model = model.Path,
                model.Dialect,
                Input = model.Graph.Inputs[0].Shape.ToString(),
                InputEncoding = EncodingAnalysis.InputEncoding(model.Graph).Describe(),
                model.Graph.Decision,
                Layers = layers,
                Totals = new { Macs = linear.Sum(l => l.Macs), Parameters = layers.Sum(l => l.Parameters), BinaryLayers = linear.Count(l => l.Kind != LayerKinds.FullPrecision) },
            }));
            return 0;
        }

        output.WriteLine($"model    {model.Path}");
        output.WriteLine($"dialect  {model.Dialect}");
        output.WriteLine($"input    {model.Graph.Inputs[0].Name} {model.Graph.Inputs[0].Shape} ({(EncodingAnalysis.TakesRawPixels(model.Graph) ? "raw pixels 0..255" : "pixels / 255")})");
        if (model.Graph.Decision is { } decision)
        {
            output.WriteLine($"decision {decision}: the class index, the first maximum of the scores");
        }

        output.WriteLine();
        var table = new TextTable("#", "name", "kind", "op", "input", "output", "K x N", "MACs", "params", "in bits");
        var index = 0;
        foreach (var l in layers)
        {
            table.Add(++index, l.Name, l.Kind, l.Op, l.InputShape, l.OutputShape, l.Rows > 0 ? $"{l.Rows}x{l.Columns}" : "",
                l.Macs > 0 ? l.Macs.ToString("N0", CultureInfo.InvariantCulture) : "", l.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                l.Rows > 0 ? l.InputBits.ToString(CultureInfo.InvariantCulture) + " (" + l.InputEncoding + ")" : "");
        }

        output.Write(table);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{linear.Count} matrix layers ({linear.Count(l => l.Kind == LayerKinds.Binary)} binary, {linear.Count(l => l.Kind == LayerKinds.MultiBitInput)} n-bit input, {linear.Count(l => l.Kind == LayerKinds.FullPrecision)} full precision); {linear.Sum(l => l.Macs):N0} MACs; {layers.Sum(l => l.Parameters):N0} parameters"));
        if (args.Has("ir"))
        {
            output.WriteLine();
            foreach (var node in model.Graph.Nodes)
            {
                output.WriteLine(node);
            }
        }

        return 0;
    }
}
