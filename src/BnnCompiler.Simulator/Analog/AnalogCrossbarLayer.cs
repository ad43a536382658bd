using System.Runtime.Intrinsics;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A binary layer executed from cell conductances: the same row blocks, bit-serial input planes, input
/// quantization (<see cref="Functional.InputQuantization"/>), ADC levels (<see cref="AdcQuantizer"/>), digital
/// recombination and counters as <see cref="CrossbarLayer"/>, but each column's count is the current of the
/// trial's actual cells (<see cref="AnalogLayerWeights"/>: variation, stuck cells, drift, finite on/off ratio,
/// IR drop), plus Gaussian read noise, converted by its own ADC instance (offset, gain, noise;
/// <see cref="AdcErrorModel"/>; its per-column levels in <see cref="AnalogColumnReadout"/>). With every magnitude zero
/// each count is the exact match count and the layer's outputs are bit-identical to <see cref="CrossbarLayer"/>'s.
/// The rows each pixel drives per input plane come from <see cref="AnalogPixelRows"/> (valid rows and their matches
/// built once per layer), the digital recombination and counters are here, and the float arithmetic of a block's
/// reads runs in an <see cref="IAnalogKernel"/>: 512-bit vectors where the machine has AVX-512 F and DQ
/// (<see cref="KernelPath.Avx512"/>), 256-bit vectors with AVX2 (<see cref="KernelPath.Avx2"/>), else the scalar reference,
/// with bit-identical outputs.
/// </summary>
public sealed class AnalogCrossbarLayer : IBinaryLayerExecutor
{
    private readonly BinaryLinearNode _node;
    private readonly ValueEncoding _encoding;
    private readonly ReadoutSpec _readout;
    private readonly bool _quantizeInput;
    private readonly Im2Col _im2col;
    private readonly AnalogLayerWeights _cells;
    private readonly PackedSigns _signs;
    private readonly AnalogPixelRows _rows;
    private IAnalogKernel _kernel;
    private readonly ulong _readsKey;
    private readonly int[][] _flipped;  // per block: the columns repair stores negated (their partial sums are subtracted)
    private readonly PixelClasses _classes;   // per class of pixels with the same valid rows: negatives, full blocks, bases
    private float[][]? _storedSigns;    // while calibrating, per block: ±1 of the weight each cell pair holds, [local row, column]
    private ColumnCalibration? _recorder;

    /// <summary>
    /// Builds trial <paramref name="trial"/> of the layer. <paramref name="path"/> chooses the kernel:
    /// <see cref="KernelPath.Avx512"/> (the default where supported) runs the 512-bit kernel, <see cref="KernelPath.Avx2"/>
    /// (or Avx512 on a machine without AVX-512 DQ) the 256-bit kernel, <see cref="KernelPath.Scalar"/> the scalar
    /// reference; <see cref="Path"/> says which one runs. <paramref name="defects"/> gives the chip's stuck cells
    /// (null: drawn from the spec's rates); repair works around them as <c>repair.mode</c> says (docs/repair.md), moving a
    /// block onto a spare subarray of <paramref name="spares"/> where its own subarray's repair leaves weight errors.
    /// </summary>
    public AnalogCrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, bool isImageInput, HardwareSpec spec, int trial, KernelPath? path = null, IDefectSource? defects = null, SpareSubarrayPool? spares = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(inputEncoding);
        ArgumentNullException.ThrowIfNull(spec);
        _node = node;
        _encoding = inputEncoding;
        _readout = spec.Readout;
        _quantizeInput = isImageInput && inputEncoding.Bits > spec.Readout.InputBits;
        _im2col = Im2Col.For(node.Layout);
        var models = AnalogDeviceModels.From(spec);
        _cells = new AnalogLayerWeights(node, spec, models, trial, defects, spares);
        Readout = new AnalogColumnReadout(_cells, spec.Readout, node.Layout.Rows, models);
        // Repair may store a block's column negated: the digital side counts the weights the cells hold and subtracts
        // that block's partial sum, so the layer still computes W·x.
        _signs = new PackedSigns(_cells.HasFlips ? new BinaryLinearNode(node.Name, node.Origin, node.Inputs[0], node.Output, node.Layout, _cells.StoredSigns(node), node.Alpha, node.Bias) : node, _cells.RowsPerBlock);
        _flipped = AnalogBlockReads.Flipped(_cells);
        _rows = new AnalogPixelRows(node.Layout, _im2col, checked((int)node.Inputs[0].Shape.Count), _cells.RowsPerBlock, _signs.PositivesPerRow);
        Path = (path ?? KernelPaths.Best) switch
        {
            KernelPath.Avx512 when AnalogVectorKernel.IsSupported => KernelPath.Avx512,
            KernelPath.Avx512 or KernelPath.Avx2 when AnalogAvx2Kernel.IsSupported => KernelPath.Avx2,
            _ => KernelPath.Scalar,
        };
        _kernel = Kernel();
        _classes = new PixelClasses(_signs, _rows, Readout, _kernel, _cells.DiffSquares is not null);

        _readsKey = AnalogStreams.ReadsKey(spec.NonIdealities.Seed, trial, node.Name);
        IsIdeal = spec.NonIdealities.IsIdeal;
        Counters = new LayerCounters(node.Name);
    }

    public LayerCounters Counters { get; }

    /// <summary>The trial's cells of this layer (count-domain coefficients and ADC instances).</summary>
    public AnalogLayerWeights Cells => _cells;

    /// <summary>The trial's per-column ADC levels and the digital recombination.</summary>
    public AnalogColumnReadout Readout { get; }

    /// <summary>The kernel that runs the reads: <see cref="KernelPath.Avx512"/>, <see cref="KernelPath.Avx2"/> or <see cref="KernelPath.Scalar"/>.</summary>
    public KernelPath Path { get; }

    /// <summary>True when every magnitude of the spec's non-idealities is zero.</summary>
    public bool IsIdeal { get; }

    /// <summary>True when the devices are ideal, every ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => IsIdeal && !_quantizeInput && Readout.Quantizers.All(a => a.IsExact);

    /// <summary>
    /// Starts recording, for every read, each column's count and the match count its weights and inputs call for
    /// (<see cref="ColumnCalibration"/>); reads while recording are not counted as the chip's activity.
    /// </summary>
    public void StartCalibration()
    {
        _storedSigns = StoredSignRows(_cells.HasFlips ? _cells.StoredSigns(_node) : _node.Signs, _node.Layout.Rows, _node.Layout.Columns, _cells.RowsPerBlock, _cells.Blocks);
        _recorder = new ColumnCalibration(Readout.Scale.Length);
    }

    /// <summary>Fits each column's transfer from the recorded reads and moves its ADC references onto it
    /// (<see cref="AnalogColumnReadout.Calibrate"/>); stops recording.</summary>
    public void FinishCalibration()
    {
        var recorder = _recorder ?? throw new InvalidOperationException("calibration was not started");
        var (gain, offset) = recorder.Fit();
        Readout.Calibrate(_cells, gain, offset);
        Rekernel();
        _recorder = null;
        _storedSigns = null;
    }

    /// <summary>Loads trim words into the column references instead of fitting them (<see cref="AnalogColumnReadout.Trim"/>).</summary>
    public void Trim(int[] gainWords, int[] offsetWords)
    {
        Readout.Trim(_cells, gainWords, offsetWords);
        Rekernel();
    }

    public void Execute(ReadOnlySpan<float> input, float[] output)
    {
        var padded = new int[input.Length + 1];   // the codes and a 0 that padding rows read
        Codes(input, padded);
        var (origin, step) = (0.0, 1.0);
        if (_quantizeInput)
        {
            (var applied, origin, step) = Functional.InputQuantization.Apply(padded[..input.Length], _encoding.Bits, _readout);
            applied.CopyTo(padded, 0);
        }

        var planes = _quantizeInput ? _readout.InputBits : _encoding.Bits;
        var scale = _encoding.Scale * step;
        var constant = (_encoding.Scale * origin) + _encoding.Offset;
        var reads = Readout.Noisy ? new ReadNoiseStream(_readsKey ^ AnalogStreams.Hash(padded.AsSpan(0, input.Length))) : default;

        var n = _node.Layout.Columns;
        var blocks = _cells.Blocks;
        var pixels = _im2col.Pixels;
        var wpb = _signs.WordsPerBlock;
        var stride = _kernel.Stride;
        var bitmaps = _rows.Planes(padded, planes);
        var driven = new ulong[planes * blocks * wpb];  // [plane, block, word]: valid rows whose input bit is 1
        var scratch = new AnalogReadScratch(stride, _cells.DiffSquares is not null, blocks, planes);
        var total = new long[stride];      // Σ_b factor_b · Σ_j 2^j · code (exact integers)
        var flipNegatives = _cells.HasFlips ? new long[n] : null;   // what the negated columns take back of both sums
        var flipValid = _cells.HasFlips ? new long[n] : null;
        long readCount = 0, rowsDriven = 0, matched = 0;
        for (var p = 0; p < pixels; p++)
        {
            Array.Clear(total);
            long validAll = 0;
            var c = _classes.Of(p);
            var negatives = _classes.Negatives(c);   // per block and column: −1 weights on the valid rows
            if (flipNegatives is not null)
            {
                Array.Clear(flipNegatives);
                Array.Clear(flipValid!);
            }

            matched += _rows.Drive(p, padded, bitmaps, planes, driven);
            for (var b = 0; b < blocks; b++)
            {
                var validRows = _rows.ValidRows(p, b);
                rowsDriven += (long)planes * validRows;
                readCount += planes;
                validAll += validRows;
                foreach (var col in _flipped[b])
                {
                    // The block's column holds −w: its partial sum (linear in the three sums) enters with sign −1.
                    var neg = negatives[(b * stride) + col];
                    flipNegatives![col] -= 2L * neg;
                    flipValid![col] -= 2L * (validRows - (2 * neg));
                }

                if (_recorder is not null)
                {
                    var blockNegatives = negatives.AsSpan(b * stride, stride);
                    var read = new AnalogBlockRead(b, _classes.Full(c)[b], _rows.Valid(p, b), blockNegatives, driven.AsSpan(b * wpb), blocks * wpb, planes);
                    var block = b;
                    AnalogBlockReads.Run(_kernel, read, _flipped[b], total, ref reads, scratch, (_, plane, acc) => Record(block, plane, acc, negatives.AsSpan(block * stride, stride)));
                }
            }

            if (_recorder is null)
            {
                _kernel.ReadPixel(new AnalogPixelReads(_rows, p, _classes.Full(c), negatives, driven, planes, _classes.Starts(c), _classes.Squares(c), _classes.Undriven(c)), total, ref reads, scratch);
            }

            AnalogPixelOutputs.Write(new AnalogPixelOutputs.Sums(total, _classes.Sums(c), flipNegatives, flipValid, validAll), new AnalogPixelOutputs.Scaling(planes, scale, constant, Readout.Divisor), output, p, pixels, n);
        }

        if (_recorder is null)
        {
            Counters.AddImage(pixels, n, blocks, _cells.RowBlocks, planes, readCount, rowsDriven, matched);
        }
    }

    /// <summary>Each element's code, round((x − offset)/scale), eight at a time where the machine has 256-bit vectors.</summary>
    private void Codes(ReadOnlySpan<float> input, Span<int> codes)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var offset = Vector256.Create(_encoding.Offset);
            var step = Vector256.Create(_encoding.Scale);
            for (; i + 8 <= input.Length; i += 8)
            {
                var x = Vector256.Create(input.Slice(i, 8));
                Vector256.ConvertToInt32(Vector256.Round((x - offset) / step)).CopyTo(codes[i..]);
            }
        }

        for (; i < input.Length; i++)
        {
            codes[i] = (int)MathF.Round((input[i] - _encoding.Offset) / _encoding.Scale);
        }
    }

    /// <summary>A new kernel after the ADC levels moved (a kernel keeps its own copy of them), and the pixel classes' levels of undriven reads.</summary>
    private void Rekernel()
    {
        _kernel = Kernel();
        _classes.Refresh(_kernel);
    }

    private IAnalogKernel Kernel() => Path switch
    {
        KernelPath.Avx512 => new AnalogVectorKernel(_cells, Readout),
        KernelPath.Avx2 => new AnalogAvx2Kernel(_cells, Readout),
        _ => new AnalogReferenceKernel(_cells, Readout),
    };

    /// <summary>
    /// One read of block b for the calibration: per column the count the ADC sees and the match count
    /// m = #(−1 weights on valid rows) + Σ over the driven rows of the stored weight (±1), which ideal cells give.
    /// </summary>
    private void Record(int b, ReadOnlySpan<ulong> driven, float[] acc, ReadOnlySpan<int> negatives)
    {
        var n = _node.Layout.Columns;
        var m = new float[n];
        for (var col = 0; col < n; col++)
        {
            m[col] = negatives[col];
        }

        for (var w = 0; w < driven.Length; w++)
        {
            for (var bits = driven[w]; bits != 0; bits &= bits - 1)
            {
                RowSums.Add(m, _storedSigns![b], ((w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits)) * n);
            }
        }

        var matches = new double[n];
        var counts = new double[n];
        for (var col = 0; col < n; col++)
        {
            matches[col] = m[col];
            counts[col] = acc[col] + (_cells.Differential ? negatives[col] : 0);
        }

        _recorder!.Add(b * n, matches, counts);
    }

    /// <summary>Per block, ±1 of each weight as stored, [local row, column] row-major (the layout of the Diff rows).</summary>
    private static float[][] StoredSignRows(sbyte[] signs, int k, int n, int rowsPerBlock, int blocks)
    {
        var result = new float[blocks][];
        for (var b = 0; b < blocks; b++)
        {
            var rows = Math.Min(rowsPerBlock, k - (b * rowsPerBlock));
            var block = result[b] = new float[rows * n];
            for (var r = 0; r < rows; r++)
            {
                for (var col = 0; col < n; col++)
                {
                    block[(r * n) + col] = signs[((long)col * k) + (b * rowsPerBlock) + r];
                }
            }
        }

        return result;
    }
}
