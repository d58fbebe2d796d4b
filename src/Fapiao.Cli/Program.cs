using Fapiao.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
