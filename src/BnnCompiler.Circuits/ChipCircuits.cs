using BnnCompiler.Circuits.Components;
using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Circuits;

/// <summary>
/// Every component of a mapped chip priced once: unit costs, instance counts, block areas by bucket, wire lengths
/// from the floorplan (blocks are taken as squares of their summed area) and the clock period. Built by
/// <see cref="Build"/>; the cost model multiplies its per-action energies by action counts.
/// </summary>
public sealed class ChipCircuits
{
    private ChipCircuits(TechnologyNode tech) => Tech = tech;

    public TechnologyNode Tech { get; }

    public required UnitCost Adc { get; init; }

    public required UnitCost Mux { get; init; }

    /// <summary>The reference trim of one ADC of a calibrated chip (<see cref="ReferenceTrimModel"/>; zero otherwise),
    /// included in <see cref="Adc"/>.</summary>
    public required UnitCost ReferenceTrim { get; init; }

    public required UnitCost ShiftAdd { get; init; }

    public required UnitCost RowDriver { get; init; }

    public required UnitCost PeAdder { get; init; }

    public required UnitCost TileAdder { get; init; }

    public required UnitCost ChipAdder { get; init; }

    public required UnitCost Threshold { get; init; }

    public required UnitCost Pooling { get; init; }

    public required double CellOnEnergyPj { get; init; }

    public required double CellOffEnergyPj { get; init; }

    public required double BitLineEnergyPj { get; init; }

    public required UnitCost GlobalBufferBit { get; init; }

    public required double GlobalBufferWritePj { get; init; }

    public required UnitCost TileBufferBit { get; init; }

    public required double TileBufferWritePj { get; init; }

    public required UnitCost PeBufferBit { get; init; }

    public required double PeBufferWritePj { get; init; }

    public required double WirePjPerBitMm { get; init; }

    public required double GlobalTreeMm { get; init; }

    public required double GlobalPathMm { get; init; }

    public required double TileTreeMm { get; init; }

    /// <summary>Root-to-PE path of the tile's H-tree, in mm (partial sums sent up from one PE).</summary>
    public required double TilePathMm { get; init; }

    /// <summary>Wire a window slice travels in a tile: from the root to one PE row's branch point, then to every PE of
    /// that row (multicast over the switched tree), in mm.</summary>
    public required double TileMulticastMm { get; init; }

    public required double WireDelayNsPerMm { get; init; }

    /// <summary>Chip area by bucket in µm².</summary>
    public required AreaBuckets Area { get; init; }

    /// <summary>Leakage of the whole chip in µW.</summary>
    public required double LeakageUw { get; init; }

    /// <summary>The slowest sensing path (row drive, mux, ADC) in ns.</summary>
    public required double SensingPathNs { get; init; }

    public required double ClockPeriodNs { get; init; }

    /// <summary>Side of one tile in µm.</summary>
    public required double TileSideUm { get; init; }

    /// <summary>Bits a tile input buffer moves per cycle: PE rows per tile × subarray rows (NeuroSim V1.3 Tile.cpp).</summary>
    public required int TileInputPortBits { get; init; }

    /// <summary>Words a tile output buffer moves per cycle: one per PE column (its port is word bits × PE columns,
    /// NeuroSim V1.3 Tile.cpp).</summary>
    public required int TileOutputPortWords { get; init; }

    public static ChipCircuits Build(ChipMapping mapping, CircuitOptions options)
    {
        var spec = mapping.Spec;
        var tech = TechnologyTable.For(spec.Technology);
        var fp = mapping.Floorplan;
        var sub = spec.Subarray.Physical;  // the fabricated array: spare rows and columns are priced like any other
        var adcsPerSubarray = spec.AdcsPerSubarray;
        var inputBits = Math.Max(1, spec.Readout.InputBits);

        // The most row groups any block of the mapping is read in (a block shorter than a group is read once): the
        // trim words and the shift-add's width serve that many groups (subarray.rows / parallel_rows once a layer
        // fills a subarray's rows).
        var groups = mapping.Layers.SelectMany(l => l.Blocks).Select(b => spec.ReadGroupsOf(b.RowCount)).DefaultIfEmpty(1).Max();

        // A calibrated chip trims each ADC's references per (column, row group): priced with the ADC it trims.
        var trim = spec.Repair.Calibrates ? ReferenceTrimModel.PerAdc(spec.MuxInputsPerAdc * groups, tech) : UnitCost.Zero;
        var adc = AdcModel.For(spec.Readout.AdcKind, spec.Readout.AdcBits, tech).Plus(trim);
        var mux = ColumnMuxModel.PerAdc(spec.MuxInputsPerAdc, tech);
        // Only a chip that feeds some layer bit-serially or reads some block in more than one row group needs the
        // shift-and-add behind its ADCs (NeuroSim V1.3, SubArray.cpp, likewise builds its input shift-adder only for
        // more than one read pulse); g row groups widen its sum by ⌈log2 g⌉ bits.
        var shiftAdd = mapping.Layers.Any(l => l.InputBits > 1) || groups > 1
            ? ShiftAddModel.PerAdc(spec.Readout.AdcBits, inputBits + GroupBits(groups), tech)
            : UnitCost.Zero;
        var row = RowPeripheryModel.PerRow(sub, spec.Cell, tech, ChipClock.RowWriteVoltageV(spec, options));
        var columns = ColumnPeripheryModel.PerColumn(spec.Cell, tech, options.WriteVoltageV).Times(sub.Columns);

        // Subarray: array, row periphery, column periphery.
        var arrayArea = CellArrayModel.AreaUm2(sub, spec.Cell, tech);
        var subOther = row.AreaUm2 * sub.Rows + mux.AreaUm2 * adcsPerSubarray + columns.AreaUm2;
        var subAdc = adc.AreaUm2 * adcsPerSubarray;
        var subAccum = shiftAdd.AreaUm2 * adcsPerSubarray;
        var subArea = arrayArea + subOther + subAdc + subAccum;
        var subLeak = CellArrayModel.LeakageUw(sub, spec.Cell, tech) + row.LeakageUw * sub.Rows + columns.LeakageUw
            + (adc.LeakageUw + mux.LeakageUw + shiftAdd.LeakageUw) * adcsPerSubarray;

        // PE: subarrays (and its spare subarrays with their selects), adder trees over subarray rows, buffers, bus.
        var spares = spec.Pe.SpareSubarrays;
        var subarraysPerPe = fp.SubarraysPerPe.Count + spares;
        var subarraysPerTile = subarraysPerPe * fp.PesPerTile.Count;
        var spareSelect = SpareSelect(spares, sub.Rows, adcsPerSubarray, fp.SubarraysPerPe, tech);
        var peTrees = fp.SubarraysPerPe.Columns * adcsPerSubarray;
        var peSumBits = fp.Buffers.PeAdderTreeBits;
        var peTree = AdderTreeModel.Tree(fp.SubarraysPerPe.Rows, spec.Readout.AdcBits + inputBits, tech);
        var peBufferBit = BufferModel.PerBit(spec.Pe.InputBuffer.Kind, tech);
        var peBufferBits = BufferModel.Bits(fp.Buffers.PeInputKib + fp.Buffers.PeOutputKib);
        var subSide = Math.Sqrt(subArea);
        var peBusBits = fp.WeightRowsPerSubarray;
        var peWire = WireModel.AreaUm2(tech, peBusBits, HTreeModel.PathLengthUm(fp.SubarraysPerPe.Columns, fp.SubarraysPerPe.Rows, subSide, subSide) / 1000);
        var peArea = (subArea * subarraysPerPe) + spareSelect.AreaUm2 + (peTree.AreaUm2 * peTrees) + (peBufferBit.AreaUm2 * peBufferBits) + peWire;
        var peLeak = (subLeak * subarraysPerPe) + spareSelect.LeakageUw + (peTree.LeakageUw * peTrees) + (peBufferBit.LeakageUw * peBufferBits);

        // Tile: PEs, adder trees over PE rows, buffers, threshold and pooling units, H-tree.
        var tileTrees = fp.PesPerTile.Columns * peTrees;
        var tileTree = AdderTreeModel.Tree(fp.PesPerTile.Rows, peSumBits, tech);
        var tileBufferBit = BufferModel.PerBit(spec.Tile.InputBuffer.Kind, tech);
        var tileBufferBits = BufferModel.Bits(fp.Buffers.TileInputKib + fp.Buffers.TileOutputKib);
        var threshold = ThresholdUnitModel.Unit(peSumBits + 2, tech);
        var pooling = PoolingUnitModel.Unit(peSumBits + 2, tech);
        var peSide = Math.Sqrt(peArea);
        var tileTreeUm = HTreeModel.TotalLengthUm(fp.PesPerTile.Columns, fp.PesPerTile.Rows, peSide, peSide);
        var tilePathUm = HTreeModel.PathLengthUm(fp.PesPerTile.Columns, fp.PesPerTile.Rows, peSide, peSide);
        var tileBusBits = fp.WeightRowsPerPe;
        var tileWire = WireModel.AreaUm2(tech, tileBusBits, tilePathUm / 1000);
        var tileArea = (peArea * fp.PesPerTile.Count) + (tileTree.AreaUm2 * tileTrees) + (tileBufferBit.AreaUm2 * tileBufferBits)
            + ((threshold.AreaUm2 + pooling.AreaUm2) * tileTrees) + tileWire;
        var tileLeak = peLeak * fp.PesPerTile.Count + tileTree.LeakageUw * tileTrees + tileBufferBit.LeakageUw * tileBufferBits
            + (threshold.LeakageUw + pooling.LeakageUw) * tileTrees;

        // Chip: tiles, global buffer, global accumulation, H-tree.
        var tiles = fp.Tiles.Count;
        var chipAdder = AdderTreeModel.Tree(Math.Max(2, fp.Tiles.Rows), peSumBits + 2, tech);
        var globalBufferBit = BufferModel.PerBit(spec.Chip.GlobalBuffer.Kind, tech);
        var globalBufferBits = BufferModel.Bits(fp.Buffers.GlobalBufferKib);
        var tileSide = Math.Sqrt(tileArea);
        var globalTreeUm = HTreeModel.TotalLengthUm(fp.Tiles.Columns, fp.Tiles.Rows, tileSide, tileSide);
        var globalPathUm = HTreeModel.PathLengthUm(fp.Tiles.Columns, fp.Tiles.Rows, tileSide, tileSide);
        var globalWiringUm = spec.Chip.Interconnect == InterconnectTopology.Mesh
            ? MeshModel.LinkLengthUm(fp.Tiles.Columns, fp.Tiles.Rows, tileSide, tileSide)
            : globalPathUm;
        var globalWire = WireModel.AreaUm2(tech, spec.Chip.BusWidthBits, globalWiringUm / 1000);
        var chipAdderArea = chipAdder.AreaUm2 * tileTrees;

        var area = new AreaBuckets(
            Crossbar: arrayArea * subarraysPerTile * tiles,
            Adc: subAdc * subarraysPerTile * tiles,
            Accumulation: ((subAccum * subarraysPerTile) + (peTree.AreaUm2 * peTrees * fp.PesPerTile.Count) + (tileTree.AreaUm2 * tileTrees)) * tiles + chipAdderArea,
            Interconnect: ((peWire * fp.PesPerTile.Count) + tileWire) * tiles + globalWire,
            Buffer: ((peBufferBit.AreaUm2 * peBufferBits * fp.PesPerTile.Count) + (tileBufferBit.AreaUm2 * tileBufferBits)) * tiles + (globalBufferBit.AreaUm2 * globalBufferBits),
            Other: ((subOther * subarraysPerTile) + (spareSelect.AreaUm2 * fp.PesPerTile.Count) + ((threshold.AreaUm2 + pooling.AreaUm2) * tileTrees)) * tiles);

        var sensing = ChipClock.SensingPathNs(row, mux, adc);
        var period = ChipClock.PeriodNs(spec, sensing);

        return new ChipCircuits(tech)
        {
            Adc = adc,
            Mux = mux,
            ReferenceTrim = trim,
            ShiftAdd = shiftAdd,
            RowDriver = row,
            PeAdder = AdderModel.Adder(spec.Readout.AdcBits + inputBits + 1, tech),
            TileAdder = AdderModel.Adder(peSumBits + 1, tech),
            ChipAdder = AdderModel.Adder(peSumBits + 2, tech),
            Threshold = threshold,
            Pooling = pooling,
            CellOnEnergyPj = CellArrayModel.CellReadEnergyPj(spec.Cell.GOnSiemens, spec.Cell, tech),
            CellOffEnergyPj = CellArrayModel.CellReadEnergyPj(spec.Cell.GOffSiemens, spec.Cell, tech),
            BitLineEnergyPj = CellArrayModel.BitLineEnergyPj(sub, spec.Cell, tech),
            GlobalBufferBit = globalBufferBit,
            GlobalBufferWritePj = BufferModel.WriteEnergyPj(spec.Chip.GlobalBuffer.Kind, tech),
            TileBufferBit = tileBufferBit,
            TileBufferWritePj = BufferModel.WriteEnergyPj(spec.Tile.InputBuffer.Kind, tech),
            PeBufferBit = peBufferBit,
            PeBufferWritePj = BufferModel.WriteEnergyPj(spec.Pe.InputBuffer.Kind, tech),
            WirePjPerBitMm = WireModel.EnergyPjPerBitMm(tech),
            GlobalTreeMm = globalTreeUm / 1000,
            GlobalPathMm = globalPathUm / 1000,
            TileTreeMm = tileTreeUm / 1000,
            TilePathMm = tilePathUm / 1000,
            TileMulticastMm = HTreeModel.MulticastLengthUm(fp.PesPerTile.Columns, fp.PesPerTile.Rows, peSide, peSide) / 1000,
            WireDelayNsPerMm = WireModel.DelayNsPerMm(tech),
            Area = area,
            LeakageUw = tileLeak * tiles + chipAdder.LeakageUw * tileTrees + globalBufferBit.LeakageUw * globalBufferBits,
            SensingPathNs = sensing,
            ClockPeriodNs = period,
            TileSideUm = tileSide,
            TileInputPortBits = TileBufferPorts.InputBits(fp),
            TileOutputPortWords = TileBufferPorts.OutputWords(fp),
        };
    }

    /// <summary>Bits a sum of <paramref name="groups"/> codes needs beyond one code: ⌈log2 g⌉.</summary>
    private static int GroupBits(int groups) => groups <= 1 ? 0 : 32 - int.LeadingZeroCount(groups - 1);

    /// <summary>
    /// The selects that let each of a PE's <paramref name="spares"/> spare subarrays stand in for any of its subarrays:
    /// per spare, every row takes the input slice of one of the PE's subarray rows (a select of that many inputs per
    /// row) and every ADC's result goes to the adder tree of one of the PE's subarray columns (a select of that many
    /// outputs per ADC), each priced as a column mux of that many inputs (<see cref="ColumnMuxModel"/>). Set once after
    /// the chip's test, so they switch no energy per read.
    /// </summary>
    private static UnitCost SpareSelect(int spares, int rows, int adcs, GridSpec subarrays, TechnologyNode tech)
    {
        if (spares == 0)
        {
            return UnitCost.Zero;
        }

        var rowSelect = ColumnMuxModel.PerAdc(subarrays.Rows, tech);
        var outputSelect = ColumnMuxModel.PerAdc(subarrays.Columns, tech);
        var area = spares * ((rowSelect.AreaUm2 * rows) + (outputSelect.AreaUm2 * adcs));
        var leakage = spares * ((rowSelect.LeakageUw * rows) + (outputSelect.LeakageUw * adcs));
        return new UnitCost(area, 0, 0, leakage);
    }
}
