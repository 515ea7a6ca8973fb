using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Bot.Discord.Tests")]
