using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Every device and circuit model of the spec's <c>non_idealities</c> section, built once per spec, and the
/// conductance of one cell in one trial (see docs/non-idealities.md, "Device and circuit models").
/// </summary>
public sealed record AnalogDeviceModels(
    OnOffRatioModel OnOff,
    DeviceVariationModel Variation,
    StuckAtFaultModel StuckAt,
    DriftModel Drift,
    ReadNoiseModel ReadNoise,
    AdcErrorModel Adc,
    double WireResistanceOhm,
    double ROnOhm)
{
    public static AnalogDeviceModels From(HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var n = spec.NonIdealities;
        return new AnalogDeviceModels(
            OnOffRatioModel.From(n, spec.Cell),
            DeviceVariationModel.From(n.DeviceVariation),
            new StuckAtFaultModel(n.StuckAtOnRate, n.StuckAtOffRate),
            DriftModel.From(n.Drift),
            new ReadNoiseModel(n.ReadNoiseSigma),
            AdcErrorModel.From(n.Adc),
            n.WireResistanceOhm,
            spec.Cell.ROnOhm);
    }

    /// <summary>Wire conductance of one segment in units of G_on (R_on / r); infinite without IR drop.</summary>
    public double WireConductance => WireResistanceOhm > 0 ? ROnOhm / WireResistanceOhm : double.PositiveInfinity;

    /// <summary>
    /// The conductance (G_on units) of a cell of nominal conductance <paramref name="nominal"/> in this trial, from
    /// its three draws in stream order: variation z, stuck-at u, drift z. A stuck cell takes G_on or G_off and skips
    /// variation and drift; otherwise G = variation(nominal, z_v) · drift(z_d).
    /// </summary>
    public double Conductance(double nominal, double variationZ, double stuckU, double driftZ) =>
        StuckAt.Draw(stuckU) switch
        {
            CellFault.StuckOn => OnOffRatioModel.OnConductance,
            CellFault.StuckOff => OnOff.OffConductance,
            _ => Variation.Apply(nominal, variationZ) * Drift.Factor(driftZ),
        };

    /// <summary>
    /// The conductance of a cell whose stuck state is given (a defect map's, or one drawn from the rates): a stuck cell
    /// takes G_on or G_off and skips variation and drift; otherwise G = variation(nominal, z_v) · drift(z_d).
    /// </summary>
    public double Conductance(double nominal, double variationZ, Mapping.Defects.StuckState stuck, double driftZ) => stuck switch
    {
        Mapping.Defects.StuckState.On => OnOffRatioModel.OnConductance,
        Mapping.Defects.StuckState.Off => OnOff.OffConductance,
        _ => Variation.Apply(nominal, variationZ) * Drift.Factor(driftZ),
    };
}
