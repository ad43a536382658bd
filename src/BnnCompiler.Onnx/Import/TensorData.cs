using BnnCompiler.Core.Ir;
using Onnx;

namespace BnnCompiler.Onnx.Import;

/// <summary>Decodes ONNX tensors (raw or typed fields; float, double, integer and bool types) to float32.</summary>
public static class TensorData
{
    public static (TensorShape Shape, float[] Values) Decode(TensorProto tensor)
    {
        var shape = new TensorShape(tensor.Dims.Select(d => checked((int)d)).ToArray());
        var count = shape.Count;
        var type = (TensorProto.Types.DataType)tensor.DataType;
        var raw = tensor.RawData.Span;
        var values = new float[count];
        if (raw.Length > 0)
        {
            var size = ElementSize(type);
            if (raw.Length != (long)size * count)
            {
                throw new InvalidDataException($"tensor '{tensor.Name}' holds {raw.Length} bytes; shape {shape} of {type} needs {(long)size * count}");
            }

            for (var i = 0; i < count; i++)
            {
                var bytes = raw.Slice(i * size, size);
                values[i] = type switch
                {
                    TensorProto.Types.DataType.Float => BitConverter.ToSingle(bytes),
                    TensorProto.Types.DataType.Double => (float)BitConverter.ToDouble(bytes),
                    TensorProto.Types.DataType.Int64 => BitConverter.ToInt64(bytes),
                    TensorProto.Types.DataType.Int32 => BitConverter.ToInt32(bytes),
                    TensorProto.Types.DataType.Int16 => BitConverter.ToInt16(bytes),
                    TensorProto.Types.DataType.Int8 => (sbyte)bytes[0],
                    TensorProto.Types.DataType.Uint8 or TensorProto.Types.DataType.Bool => bytes[0],
                    _ => throw new InvalidDataException($"tensor '{tensor.Name}' has unsupported data type {type}"),
                };
            }

            return (shape, values);
        }

        IEnumerable<float> typed = type switch
        {
            TensorProto.Types.DataType.Float => tensor.FloatData,
            TensorProto.Types.DataType.Double => tensor.DoubleData.Select(d => (float)d),
            TensorProto.Types.DataType.Int64 => tensor.Int64Data.Select(v => (float)v),
            TensorProto.Types.DataType.Int32 or TensorProto.Types.DataType.Int16 or TensorProto.Types.DataType.Int8
                or TensorProto.Types.DataType.Uint8 or TensorProto.Types.DataType.Bool => tensor.Int32Data.Select(v => (float)v),
            _ => throw new InvalidDataException($"tensor '{tensor.Name}' has unsupported data type {type}"),
        };
        var list = typed.ToArray();
        if (list.Length != count)
        {
            throw new InvalidDataException($"tensor '{tensor.Name}' holds {list.Length} values; shape {shape} needs {count}");
        }

        return (shape, list);
    }

    private static int ElementSize(TensorProto.Types.DataType type) => type switch
    {
        TensorProto.Types.DataType.Double or TensorProto.Types.DataType.Int64 => 8,
        TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Int32 => 4,
        TensorProto.Types.DataType.Int16 => 2,
        _ => 1,
    };
}
