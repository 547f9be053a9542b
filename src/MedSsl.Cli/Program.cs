using System.CommandLine;
using MedSsl.Cli;

var root = new RootCommand("MedSSL Notebooks: SimCLR and MICLe for medical images, in C#.")
{
    DoctorCommand.Create(),
    QuickstartCommand.Create(),
    PretrainCommand.Create(),
    FinetuneCommand.Create(),
    FeaturesCommand.Create(),
    DataCommand.Create(),
    KernelCommand.Create(),
    NotebookCommand.Create(),
};
return root.Parse(args).Invoke();
