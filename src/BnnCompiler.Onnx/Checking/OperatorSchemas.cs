using Onnx;
using AttrType = Onnx.AttributeProto.Types.AttributeType;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// The versions of every standard operator the importer translates, transcribed from the ONNX operator
/// documentation (docs/Operators.md, opsets 9 to <see cref="MaxOpset"/>): arity, attributes and type ties.
/// </summary>
public static class OperatorSchemas
{
    public const int MinOpset = 9;

    /// <summary>Newest default-domain opset these schemas and ONNX Runtime both know.</summary>
    public const int MaxOpset = 22;

    private const string Pool = "auto_pad:s kernel_shape:is! pads:is strides:is";

    private static readonly Dictionary<string, List<OperatorSchema>> Table = Build();

    public static IEnumerable<string> Operators => Table.Keys.Order(StringComparer.Ordinal);

    /// <summary>The schema in force at <paramref name="opset"/>, or null when the operator is not defined there.</summary>
    public static OperatorSchema? Find(string opType, long opset) =>
        Table.TryGetValue(opType, out var versions) ? versions.LastOrDefault(v => v.SinceVersion <= opset) : null;

    /// <summary>The first opset that defines the operator, or null for an operator not in the table.</summary>
    public static int? FirstVersion(string opType) => Table.TryGetValue(opType, out var versions) ? versions[0].SinceVersion : null;

    private static Dictionary<string, List<OperatorSchema>> Build()
    {
        var t = new Dictionary<string, List<OperatorSchema>>(StringComparer.Ordinal);
        void Op(string op, int since, string inputs, string outputs, string attrs = "", string ties = "", bool outTied = false)
        {
            var (minIn, maxIn) = Range(inputs);
            var (minOut, maxOut) = Range(outputs);
            var attributes = new Dictionary<string, AttrType>(StringComparer.Ordinal);
            var required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in attrs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, type) = (a[..a.IndexOf(':')], a[(a.IndexOf(':') + 1)..]);
                if (type.EndsWith('!'))
                {
                    required.Add(name);
                }

                attributes[name] = Type(type.TrimEnd('!'));
            }

            int[]? tied = ties == "*" ? null : ties.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            if (!t.TryGetValue(op, out var list))
            {
                t[op] = list = [];
            }

            list.Add(new OperatorSchema(op, since, minIn, maxIn, minOut, maxOut, attributes, required, tied, outTied));
        }

        Op("Identity", 1, "1", "1", ties: "0", outTied: true);
        Op("Dropout", 7, "1", "1..2", "ratio:f", "0", true);
        Op("Dropout", 12, "1..3", "1..2", "seed:i", "0", true);
        Op("Constant", 9, "0", "1", "value:t");
        Op("Constant", 11, "0", "1", "value:t sparse_value:sparse");
        Op("Constant", 12, "0", "1", "value:t sparse_value:sparse value_float:f value_floats:fs value_int:i value_ints:is value_string:s value_strings:ss");
        Op("ConstantOfShape", 9, "1", "1", "value:t");
        Op("Shape", 1, "1", "1");
        Op("Shape", 15, "1", "1", "start:i end:i");
        Op("Gather", 1, "2", "1", "axis:i", "0", true);
        Op("Unsqueeze", 1, "1", "1", "axes:is!", "0", true);
        Op("Unsqueeze", 13, "2", "1", ties: "0", outTied: true);
        Op("Squeeze", 1, "1", "1", "axes:is", "0", true);
        Op("Squeeze", 13, "1..2", "1", ties: "0", outTied: true);
        Op("Reshape", 5, "2", "1", ties: "0", outTied: true);
        Op("Reshape", 14, "2", "1", "allowzero:i", "0", true);
        Op("Flatten", 1, "1", "1", "axis:i", "0", true);
        Op("Concat", 4, "1..*", "1", "axis:i!", "*", true);
        Op("Transpose", 1, "1", "1", "perm:is", "0", true);
        Op("Cast", 6, "1", "1", "to:i!");
        Op("Cast", 19, "1", "1", "to:i! saturate:i");
        Op("Clip", 6, "1", "1", "min:f max:f", "0", true);
        Op("Clip", 11, "1..3", "1", ties: "*", outTied: true);
        Op("Where", 9, "3", "1", ties: "1,2", outTied: true);
        Op("Conv", 1, "2..3", "1", "auto_pad:s dilations:is group:i kernel_shape:is pads:is strides:is", "*", true);
        Op("Gemm", 9, "3", "1", "alpha:f beta:f transA:i transB:i", "*", true);
        Op("Gemm", 11, "2..3", "1", "alpha:f beta:f transA:i transB:i", "*", true);
        Op("MatMul", 1, "2", "1", ties: "*", outTied: true);
        Op("BatchNormalization", 9, "5", "1..5", "epsilon:f momentum:f", "*", true);
        Op("BatchNormalization", 14, "5", "1..3", "epsilon:f momentum:f training_mode:i", "0,3,4", true);
        Op("BatchNormalization", 15, "5", "1..3", "epsilon:f momentum:f training_mode:i", "0", true);
        Op("MaxPool", 8, "1", "1..2", Pool + " storage_order:i", "0", true);
        Op("MaxPool", 10, "1", "1..2", Pool + " storage_order:i ceil_mode:i dilations:is", "0", true);
        Op("AveragePool", 7, "1", "1", Pool + " count_include_pad:i", "0", true);
        Op("AveragePool", 10, "1", "1", Pool + " count_include_pad:i ceil_mode:i", "0", true);
        Op("AveragePool", 19, "1", "1", Pool + " count_include_pad:i ceil_mode:i dilations:is", "0", true);
        Op("GlobalAveragePool", 1, "1", "1", ties: "0", outTied: true);
        Op("GlobalMaxPool", 1, "1", "1", ties: "0", outTied: true);
        foreach (var op in new[] { "Add", "Sub", "Mul", "Div" })
        {
            Op(op, 7, "2", "1", ties: "*", outTied: true);
        }

        Op("Pow", 7, "2", "1", ties: "*", outTied: true);
        Op("Pow", 12, "2", "1", ties: "0", outTied: true);
        Op("Max", 8, "1..*", "1", ties: "*", outTied: true);
        Op("Min", 8, "1..*", "1", ties: "*", outTied: true);
        foreach (var op in new[] { "Greater", "Less", "Equal" })
        {
            Op(op, 7, "2", "1", ties: "*");
        }

        Op("GreaterOrEqual", 12, "2", "1", ties: "*");
        Op("LessOrEqual", 12, "2", "1", ties: "*");
        Op("And", 7, "2", "1", ties: "*", outTied: true);
        Op("Or", 7, "2", "1", ties: "*", outTied: true);
        foreach (var op in new[] { "Relu", "Neg", "Abs", "Sqrt", "Reciprocal", "Floor", "Ceil", "Not", "Tanh", "Sigmoid", "Exp", "Log" })
        {
            Op(op, 6, "1", "1", ties: "0", outTied: true);
        }

        Op("Sign", 9, "1", "1", ties: "0", outTied: true);
        Op("Round", 11, "1", "1", ties: "0", outTied: true);
        Op("Softmax", 1, "1", "1", "axis:i", "0", true);
        Op("LogSoftmax", 1, "1", "1", "axis:i", "0", true);
        Op("TopK", 1, "1", "2", "axis:i k:i!", "0", true);
        Op("TopK", 10, "2", "2", "axis:i", "0", true);
        Op("TopK", 11, "2", "2", "axis:i largest:i sorted:i", "0", true);
        Op("ArgMax", 1, "1", "1", "axis:i keepdims:i");
        Op("ArgMax", 12, "1", "1", "axis:i keepdims:i select_last_index:i");
        return t;
    }

    private static (int Min, int Max) Range(string text)
    {
        var parts = text.Split("..");
        var min = int.Parse(parts[0]);
        return parts.Length == 1 ? (min, min) : (min, parts[1] == "*" ? int.MaxValue : int.Parse(parts[1]));
    }

    private static AttrType Type(string code) => code switch
    {
        "i" => AttrType.Int,
        "f" => AttrType.Float,
        "s" => AttrType.String,
        "t" => AttrType.Tensor,
        "is" => AttrType.Ints,
        "fs" => AttrType.Floats,
        "ss" => AttrType.Strings,
        "sparse" => AttrType.SparseTensor,
        _ => throw new ArgumentException($"unknown attribute type code '{code}'"),
    };
}
