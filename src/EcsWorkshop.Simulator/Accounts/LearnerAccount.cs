using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Accounts;

/// <summary>A learner and their own simulated AWS account: every service, its state, its containers and listeners.</summary>
public sealed record LearnerAccount(Learner Learner, Simulation Simulation);
