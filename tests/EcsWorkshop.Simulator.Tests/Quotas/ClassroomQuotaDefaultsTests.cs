using System.CommandLine;
using EcsWorkshop.Cli.Commands;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// What <c>workshop serve</c>'s quota options make of a classroom: the classroom defaults and a room memory budget
/// unless the runtime is the simulated one; an option overrides one default, 0 lifts it; a learner's own simulator
/// stays unlimited.
/// </summary>
public sealed class ClassroomQuotaDefaultsTests
{
    private static SimulatorOptions Apply(SimulatorOptions options, params string[] arguments)
    {
        var quotas = new ServeQuotaOptions();
        var command = new Command("serve");
        quotas.AddTo(command);
        var (applied, error) = quotas.Apply(command.Parse(arguments), options);
        Assert.Null(error);
        return applied;
    }

    private static SimulatorOptions Classroom(RuntimeChoice runtime) =>
        new() { Classroom = new ClassroomOptions(Roster.Generate(2), "host-token"), Runtime = runtime };

    [Fact]
    public void A_classroom_gets_the_classroom_quotas_and_eight_times_the_machines_memory_with_a_container_runtime()
    {
        var applied = Apply(Classroom(RuntimeChoice.Docker));

        Assert.Equal(AccountQuotas.Classroom, applied.Simulation.Quotas);
        Assert.Equal(RoomMemoryBudget.MachineMiB * 8, applied.Simulation.RoomMemory?.TotalMiB);
    }

    [Fact]
    public void A_classroom_on_the_simulated_runtime_has_no_room_memory_budget()
    {
        var applied = Apply(Classroom(RuntimeChoice.Simulated));

        Assert.Equal(AccountQuotas.Classroom, applied.Simulation.Quotas);
        Assert.Null(applied.Simulation.RoomMemory);
    }

    [Fact]
    public void An_option_overrides_one_classroom_default_and_zero_lifts_it()
    {
        var applied = Apply(Classroom(RuntimeChoice.Docker), "--max-listeners", "2", "--max-tasks", "0", "--max-registry-mib", "100", "--room-memory-mib", "4096");

        Assert.Equal(AccountQuotas.Classroom with { Listeners = 2, Tasks = null, RegistryStorageBytes = 100L * 1024 * 1024 }, applied.Simulation.Quotas);
        Assert.Equal(4096, applied.Simulation.RoomMemory?.TotalMiB);
    }

    [Fact]
    public void A_learners_own_simulator_has_no_quotas_and_no_budget()
    {
        var applied = Apply(new SimulatorOptions { Runtime = RuntimeChoice.Docker });

        Assert.True(applied.Simulation.Quotas.IsUnlimited);
        Assert.Null(applied.Simulation.RoomMemory);
    }
}
