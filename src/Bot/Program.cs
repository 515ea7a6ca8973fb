using Bot.Host;

return await BotCommandLine.Create().Parse(args).InvokeAsync();
