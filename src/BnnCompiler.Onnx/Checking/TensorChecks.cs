using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// Checks a tensor's declaration before it is decoded: a known element type the importer reads, dimensions
/// that are not negative, an element count (checked 64-bit product) under the cap, data stored in the file,
/// and exactly as many values (or raw bytes) as the dimensions claim.
/// </summary>
internal static class TensorChecks
{
    /// <summary>Element types the importer decodes (to float32).</summary>
    public static readonly IReadOnlySet<DataType> Decodable = new HashSet<DataType>
    {
        DataType.Float, DataType.Double, DataType.Int64, DataType.Int32, DataType.Int16, DataType.Int8, DataType.Uint8, DataType.Bool,
    };

    public static string Name(int type) =>
        Enum.IsDefined(typeof(DataType), type) ? ((DataType)type).ToString().ToLowerInvariant() : $"type {type}";

    public static bool IsKnown(int type) => type != 0 && Enum.IsDefined(typeof(DataType), type);

    /// <summary>Bytes one element takes in raw_data.</summary>
    public static int ElementBytes(DataType type) => type switch
    {
        DataType.Double or DataType.Int64 => 8,
        DataType.Float or DataType.Int32 => 4,
        DataType.Int16 => 2,
        _ => 1,
    };

    /// <summary>The product of <paramref name="dims"/>, or null (with <paramref name="problem"/>) when negative or above the cap.</summary>
    public static long? ElementCount(IEnumerable<long> dims, long maxElements, out string? problem)
    {
        var list = dims.ToList();
        if (list.FirstOrDefault(d => d < 0) is var negative and < 0)
        {
            problem = $"dimension {negative} is negative";
            return null;
        }

        long count;
        try
        {
            count = list.Aggregate(1L, (a, d) => checked(a * d));
        }
        catch (OverflowException)
        {
            problem = $"dimensions [{string.Join(",", list)}] hold more than 2^63 elements, above the cap of {maxElements:N0}; raise it with --max-elements";
            return null;
        }

        if (count > maxElements)
        {
            problem = $"dimensions [{string.Join(",", list)}] hold {count:N0} elements, above the cap of {maxElements:N0}; raise it with --max-elements";
            return null;
        }

        problem = null;
        return count;
    }

    /// <summary>Every problem with <paramref name="tensor"/>, phrased to follow "tensor 'name' ...".</summary>
    public static IEnumerable<(string Code, string Problem)> Problems(TensorProto tensor, ModelLimits limits)
    {
        if (!IsKnown(tensor.DataType))
        {
            yield return (CheckCodes.Tensor, $"has element type {Name(tensor.DataType)}, which is not an ONNX element type");
            yield break;
        }

        var type = (DataType)tensor.DataType;
        if (!Decodable.Contains(type))
        {
            yield return (CheckCodes.Tensor, $"has element type {Name(tensor.DataType)}; supported: {string.Join(", ", Decodable.Select(t => Name((int)t)))}");
            yield break;
        }

        if (ElementCount(tensor.Dims, limits.MaxElements, out var problem) is not { } count)
        {
            yield return (CheckCodes.Tensor, problem!);
            yield break;
        }

        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            yield break; // reported by the external-data rule
        }

        if (tensor.RawData.Length > 0)
        {
            var need = count * ElementBytes(type);
            if (tensor.RawData.Length != need)
            {
                yield return (CheckCodes.Tensor, $"holds {tensor.RawData.Length:N0} bytes of raw data; dimensions [{string.Join(",", tensor.Dims)}] of {Name(tensor.DataType)} need {need:N0}");
            }

            yield break;
        }

        long typed = type switch
        {
            DataType.Float => tensor.FloatData.Count,
            DataType.Double => tensor.DoubleData.Count,
            DataType.Int64 => tensor.Int64Data.Count,
            _ => tensor.Int32Data.Count,
        };
        if (typed != count)
        {
            yield return (CheckCodes.Tensor, $"holds {typed:N0} values; dimensions [{string.Join(",", tensor.Dims)}] need {count:N0}");
        }
    }
}
