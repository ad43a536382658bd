namespace BnnCompiler.Hardware;

/// <summary>
/// How <c>bnnc cost</c> charges the chip (<c>cost.accounting</c>): <c>Physical</c> counts what the mapped chip does
/// (the default); <c>NeuroSimV13</c> charges as DNN+NeuroSim V1.3 does (its duplication, per-tile window counts,
/// H-tree and buffer charging and idle-only pipeline leakage), so that its figures can be reproduced and compared.
/// </summary>
public enum CostAccounting
{
    Physical,
    NeuroSimV13,
}
