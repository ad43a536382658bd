using System.Numerics;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A binary layer executed as the crossbar computes it. The weight matrix [K rows, N columns] is cut into row
/// blocks (one subarray each, two cells per weight). For each output pixel, each block and each input bit-plane,
/// both cells of a weight are driven by the input bit and its complement, so column n carries m = #matches
/// between the bit-plane (as ±1) and the weights over the driven rows. The ADC reads m (see
/// <see cref="AdcQuantizer"/>) per block, before any digital accumulation; then Σ_k w·b = m̂ − #(−1 weights on
/// driven rows), planes recombine by shift-and-add (2^j) and blocks by addition. Input values v = Scale·c + Offset
/// give Σ w·v = Scale·Σ w·c + Offset·Σ w (the second term is digital). With an exact ADC and full input precision
/// the result equals the integer dot product. Bits are gathered per pixel by <see cref="BlockGather"/> and the
/// columns read by <see cref="ColumnKernel"/>; everything that depends only on which rows a pixel drives
/// (−1 weights and rows per pixel class) is computed once here. Thread-safe.
/// </summary>
public sealed class CrossbarLayer : IBinaryLayerExecutor
{
    private readonly ValueEncoding _encoding;
    private readonly ReadoutSpec _readout;
    private readonly bool _quantizeInput;
    private readonly int _planes;
    private readonly BlockGather _gather;
    private readonly ColumnKernel _kernel;
    private readonly int _columns;
    private readonly int _rowBlocks;      // the mapper's row blocks (subarrays), each read in one or more of the _gather's blocks
    private readonly double[] _negativeTerm;  // [class, stride]: −1 weights on driven rows × (2^P − 1)
    private readonly double[] _signedValid;   // [class, stride]: Σ w over driven rows
    private readonly long[] _classRows;    // [class]: rows driven per pixel, all blocks
    private readonly long[] _classNegatives;  // [class]: −1 weights on driven rows, summed over columns
    private readonly ExactDotKernel? _exactDot;  // multi-plane layers whose every ADC is exact
    private readonly PixelLaneKernel? _pixelLanes;  // one-plane windowed layers whose every ADC is exact
    private readonly BlockLaneKernel? _blockLanes;  // the other windowed layers on a vector path
    private long _exactRowsDriven;      // with a shortcut: rows driven per image, all pixels and planes
    private long _exactNegatives;       // with a shortcut: P·(−1 weights on driven rows) per image

    /// <summary>Row blocks of <see cref="HardwareSpec.WeightRowsPerRead"/> rows: the mapper's blocks cut into the row groups one read drives.</summary>
    public CrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, bool isImageInput, HardwareSpec spec, KernelPath? path = null)
        : this(node, inputEncoding, spec.Readout, new ProgrammedLayer(node.Name, UniformBlocks(node.Layout.Rows, spec.WeightRowsPerRead),
            PlanesFor(inputEncoding, isImageInput, spec.Readout), node.Signs) { RowBlocks = UniformBlocks(node.Layout.Rows, spec.WeightRowsPerSubarray).Length }, path)
    {
    }

    /// <param name="blockRows">Weight rows of each row block, in row order (they partition the K rows).</param>
    public CrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, bool isImageInput, ReadoutSpec readout,
        IReadOnlyList<int> blockRows, KernelPath? path = null)
        : this(node, inputEncoding, readout, new ProgrammedLayer(node.Name, blockRows, PlanesFor(inputEncoding, isImageInput, readout), node.Signs), path)
    {
    }

    /// <summary>
    /// The layer as a compiled program states it: row blocks, input planes and the weights read back from the
    /// programmed cells (<see cref="ProgramReader"/>); the IR node gives the window and the layer's name.
    /// Planes below the input code's bits quantise the input (allowed for the image only, as the mapper plans).
    /// </summary>
    public CrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, ReadoutSpec readout, ProgrammedLayer programmed, KernelPath? path = null)
    {
        var blockRows = programmed.BlockRows;
        if (programmed.Planes < 1 || programmed.Planes > inputEncoding.Bits)
        {
            throw new ArgumentException($"layer {node.Name}: {programmed.Planes} input planes for {inputEncoding.Bits}-bit input codes");
        }

        _encoding = inputEncoding;
        _planes = programmed.Planes;
        _quantizeInput = _planes < inputEncoding.Bits;
        _readout = readout with { InputBits = _planes };
        _columns = node.Layout.Columns;
        _rowBlocks = programmed.RowBlocks > 0 ? programmed.RowBlocks : blockRows.Count;
        var wordsPerBlock = (blockRows.Max() + 63) / 64;
        _gather = new BlockGather(node.Layout, blockRows, wordsPerBlock);
        Adcs = [.. blockRows.Select(r => new AdcQuantizer(readout.AdcBits, r))];

        var words = _gather.Words;
        var slotWeights = new ulong[_columns * words];
        var k = node.Layout.Rows;
        for (var col = 0; col < _columns; col++)
        {
            for (var slot = 0; slot < words * 64; slot++)
            {
                var row = _gather.SlotRow[slot];
                if (row >= 0 && programmed.Signs[(col * k) + row] > 0)
                {
                    slotWeights[(col * words) + (slot >> 6)] |= 1UL << (slot & 63);
                }
            }
        }

        _kernel = new ColumnKernel(slotWeights, _columns, wordsPerBlock, Adcs, path ?? KernelPaths.Best);
        var classes = _gather.Classes;
        var stride = _kernel.Stride;
        _negativeTerm = new double[classes * stride];
        _signedValid = new double[classes * stride];
        _classRows = new long[classes];
        _classNegatives = new long[classes];
        for (var c = 0; c < classes; c++)
        {
            var valid = _gather.ClassValid.AsSpan(c * words, words);
            var driven = 0;
            foreach (var word in valid)
            {
                driven += BitOperations.PopCount(word);
            }

            _classRows[c] = driven;
            for (var col = 0; col < _columns; col++)
            {
                var negatives = 0;
                for (var word = 0; word < words; word++)
                {
                    negatives += BitOperations.PopCount(valid[word] & ~slotWeights[(col * words) + word]);
                }

                _classNegatives[c] += negatives;
                _negativeTerm[(c * stride) + col] = negatives * (double)((1L << _planes) - 1);
                _signedValid[(c * stride) + col] = driven - (2 * negatives);
            }
        }

        var exactAdcs = Adcs.All(a => a.IsExact) && _kernel.Path != KernelPath.Scalar;
        var window = node.Layout.Window;
        var pixelLanes = exactAdcs && _planes == 1 && window is not null && _gather.OutputPixels >= 8;
        if (exactAdcs && (_planes > 1 || pixelLanes))
        {
            var signedValid = SignedValidByPixel();
            var table = Im2Col.For(node.Layout).Table;
            if (pixelLanes)
            {
                _pixelLanes = new PixelLaneKernel(programmed.Signs, node.Layout.InChannels, window!.KernelH * window.KernelW,
                    _gather.InputPixels, _columns, table, signedValid, _kernel.Path);
            }
            else
            {
                _exactDot = new ExactDotKernel(programmed.Signs, k, _columns, table, signedValid, _kernel.Path);
            }
        }
        else if (_kernel.Path != KernelPath.Scalar && BlockLaneKernel.Fits(_gather, Adcs))
        {
            var signedValid = SignedValidByPixel();
            _blockLanes = new BlockLaneKernel(_gather, slotWeights, _columns, _planes, Adcs, ByPixel(_negativeTerm), signedValid, _kernel.Path);
        }

        Counters = new LayerCounters(node.Name);
    }

    public LayerCounters Counters { get; }

    /// <summary>The ADC of each row block (the last block may hold fewer rows).</summary>
    public IReadOnlyList<AdcQuantizer> Adcs { get; }

    /// <summary>Input bit planes applied per pixel.</summary>
    public int Planes => _planes;

    /// <summary>True when every block's ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => !_quantizeInput && Adcs.All(a => a.IsExact);

    /// <summary>True when a vector column kernel runs.</summary>
    public bool UsesSimd => _kernel.UsesSimd;

    /// <summary>The column kernel's instruction set (the one asked for, or the best supported, when the layer fits it).</summary>
    public KernelPath Path => _kernel.Path;

    /// <summary>
    /// How the layer's reads run: "pixel-lanes" (one plane, exact ADCs, a window: <see cref="PixelLaneKernel"/>),
    /// "exact-dot" (several planes, exact ADCs: <see cref="ExactDotKernel"/>), "block-lanes" (other windowed layers on a
    /// vector path: <see cref="BlockLaneKernel"/>) or "columns" (per pixel, block and plane: <see cref="ColumnKernel"/>).
    /// </summary>
    public string Route => _pixelLanes is not null ? "pixel-lanes" : _exactDot is not null ? "exact-dot" : _blockLanes is not null ? "block-lanes" : "columns";

    /// <summary>Every route writes each output element.</summary>
    public bool OverwritesOutput => true;

    public void Execute(ReadOnlySpan<float> input, float[] output)
    {
        var scratch = CrossbarScratch.ForThread();
        var codes = scratch.Codes(input.Length);
        InputCodes.Convert(input, _encoding.Offset, _encoding.Scale, codes);
        var (origin, step) = (0.0, 1.0);
        if (_quantizeInput)
        {
            (var applied, origin, step) = InputQuantization.Apply(codes[..input.Length], _encoding.Bits, _readout);
            applied.CopyTo(codes, 0);
        }

        var scale = _encoding.Scale * step;
        var constant = (_encoding.Scale * origin) + _encoding.Offset;
        var planes = _planes;
        if (_exactDot is not null)
        {
            ExecuteExact(codes, scale, constant, output);
            return;
        }

        if (_pixelLanes is not null)
        {
            var fields = scratch.Bitmaps(_pixelLanes.FieldLength);
            var slots = scratch.SlotBits(_pixelLanes.SlotLength);
            var conducted = _pixelLanes.Run(codes, scale, constant, fields, slots, output);
            CountActions(_gather.OutputPixels, _exactRowsDriven, conducted);
            return;
        }

        if (_blockLanes is not null)
        {
            var fields = scratch.Bitmaps(_blockLanes.FieldLength);
            var rows = scratch.Rows(_blockLanes.RowLength);
            var slots = scratch.SlotBits(_blockLanes.SlotLength);
            var conducted = _blockLanes.Run(codes, scale, constant, fields, rows, slots, output);
            CountActions(_gather.OutputPixels, _exactRowsDriven, conducted);
            return;
        }

        var planeWords = _gather.InputPixels * _gather.ChannelWords;
        var bitmaps = scratch.Bitmaps(planes * planeWords);
        InputCodes.Pack(codes, _gather.Channels, _gather.InputPixels, planes, bitmaps);

        var words = _gather.Words;
        var x = scratch.SlotBits(planes * words);
        var pixels = _gather.OutputPixels;
        var stride = _kernel.Stride;
        var results = scratch.Results(pixels * _columns);
        long matched = 0, rowsDriven = 0;
        for (var p = 0; p < pixels; p++)
        {
            Array.Clear(x, 0, planes * words);
            _gather.Gather(p, bitmaps.AsSpan(0, planes * planeWords), planes, x.AsSpan(0, planes * words));
            var cls = _gather.ClassOf[p];
            rowsDriven += _classRows[cls] * planes;
            var terms = new PixelTerms(scale, constant, _negativeTerm.AsSpan(cls * stride, stride), _signedValid.AsSpan(cls * stride, stride));
            matched += _kernel.Run(x.AsSpan(0, planes * words), planes, _gather.ClassValid.AsSpan(cls * words, words), terms,
                results.AsSpan(p * _columns, _columns));
        }

        for (var col = 0; col < _columns; col++)
        {
            var row = col * pixels;
            for (var p = 0; p < pixels; p++)
            {
                output[row + p] = results[(p * _columns) + col];
            }
        }

        CountActions(pixels, rowsDriven, matched);
    }

    private void CountActions(int pixels, long rowsDriven, long matched)
    {
        var blocks = _gather.Blocks;
        Counters.AddImage(pixels, _columns, blocks, _rowBlocks, _planes, (long)pixels * blocks * _planes, rowsDriven, matched);
    }

    /// <summary>The multi-plane, exact-ADC layer through <see cref="ExactDotKernel"/>: the same outputs and counts, without plane reads.</summary>
    private void ExecuteExact(int[] codes, double scale, double constant, float[] output)
    {
        var scratch = CrossbarScratch.ForThread();
        var rows = scratch.Codes(input: false, _exactDot!.ScratchLength);
        var matched = _exactDot.Run(codes, scale, constant, rows, output) + _exactNegatives;
        CountActions(_gather.OutputPixels, _exactRowsDriven, matched);
    }

    /// <summary>[column, pixel]: Σ w over the rows each pixel drives; also sums the rows driven and −1 weights per image for the shortcuts.</summary>
    private double[] SignedValidByPixel()
    {
        foreach (var cls in _gather.ClassOf)
        {
            _exactRowsDriven += _classRows[cls] * _planes;
            _exactNegatives += _planes * _classNegatives[cls];
        }

        return ByPixel(_signedValid);
    }

    /// <summary>[column, pixel] from a per-class term [class, stride].</summary>
    private double[] ByPixel(double[] byClass)
    {
        var pixels = _gather.OutputPixels;
        var stride = _kernel.Stride;
        var result = new double[_columns * pixels];
        for (var p = 0; p < pixels; p++)
        {
            var cls = _gather.ClassOf[p];
            for (var col = 0; col < _columns; col++)
            {
                result[(col * pixels) + p] = byClass[(cls * stride) + col];
            }
        }

        return result;
    }

    /// <summary>Planes the mapper plans for a layer's input: the image reduced to readout.input_bits, other codes at their own bits.</summary>
    public static int PlanesFor(ValueEncoding encoding, bool isImageInput, ReadoutSpec readout) =>
        isImageInput ? Math.Min(encoding.Bits, readout.InputBits) : encoding.Bits;

    /// <summary>Rows of each block when blocks of <paramref name="rowsPerBlock"/> are cut in order.</summary>
    public static int[] UniformBlocks(int rows, int rowsPerBlock) =>
        [.. Enumerable.Range(0, (rows + rowsPerBlock - 1) / rowsPerBlock).Select(b => Math.Min(rowsPerBlock, rows - (b * rowsPerBlock)))];
}
