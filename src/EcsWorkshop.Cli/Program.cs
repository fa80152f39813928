using System.CommandLine;
using EcsWorkshop.Cli.Commands;

var root = new RootCommand("EcsWorkshop: a hands-on workbook for Amazon ECS, with a local simulator that behaves like ECS.")
{
    ServeCommand.Create(),
    RunCommand.Create(),
    ExportAppsCommand.Create(),
    DoctorCommand.Create(),
    ClassroomCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
