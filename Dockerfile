# syntax=docker/dockerfile:1
# Multi-stage build: restore (cached on project files only), build, test, publish, runtime.
# Build (the test stage runs the whole suite, including the Discord contract checks against the OpenAPI spec
# vendored under tests/; the repository alone is the build context):
#   docker build -t ds-reading-bot .
# Without the tests:
#   docker build --target runtime-untested -t ds-reading-bot .

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS restore
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
COPY global.json Directory.Build.props Directory.Packages.props Bot.sln .editorconfig ./
COPY tests/Directory.Build.props tests/
COPY src/Bot.Application/Bot.Application.csproj src/Bot.Application/
COPY src/Bot.Catalog/Bot.Catalog.csproj src/Bot.Catalog/
COPY src/Bot.ConsoleTwin/Bot.ConsoleTwin.csproj src/Bot.ConsoleTwin/
COPY src/Bot.Discord/Bot.Discord.csproj src/Bot.Discord/
COPY src/Bot.DiscordAdapter/Bot.DiscordAdapter.csproj src/Bot.DiscordAdapter/
COPY src/Bot.Featurization/Bot.Featurization.csproj src/Bot.Featurization/
COPY src/Bot.Recommendation/Bot.Recommendation.csproj src/Bot.Recommendation/
COPY src/Bot.Storage/Bot.Storage.csproj src/Bot.Storage/
COPY src/Bot/Bot.csproj src/Bot/
COPY src/Bot.WordVectorBuilder/Bot.WordVectorBuilder.csproj src/Bot.WordVectorBuilder/
COPY tests/Bot.Application.Tests/Bot.Application.Tests.csproj tests/Bot.Application.Tests/
COPY tests/Bot.Benchmarks/Bot.Benchmarks.csproj tests/Bot.Benchmarks/
COPY tests/Bot.Catalog.Tests/Bot.Catalog.Tests.csproj tests/Bot.Catalog.Tests/
COPY tests/Bot.ConsoleTwin.Tests/Bot.ConsoleTwin.Tests.csproj tests/Bot.ConsoleTwin.Tests/
COPY tests/Bot.Discord.Benchmarks/Bot.Discord.Benchmarks.csproj tests/Bot.Discord.Benchmarks/
COPY tests/Bot.Discord.Testing/Bot.Discord.Testing.csproj tests/Bot.Discord.Testing/
COPY tests/Bot.Discord.Tests/Bot.Discord.Tests.csproj tests/Bot.Discord.Tests/
COPY tests/Bot.DiscordAdapter.Tests/Bot.DiscordAdapter.Tests.csproj tests/Bot.DiscordAdapter.Tests/
COPY tests/Bot.Featurization.Tests/Bot.Featurization.Tests.csproj tests/Bot.Featurization.Tests/
COPY tests/Bot.Quality.Tests/Bot.Quality.Tests.csproj tests/Bot.Quality.Tests/
COPY tests/Bot.Recommendation.Tests/Bot.Recommendation.Tests.csproj tests/Bot.Recommendation.Tests/
COPY tests/Bot.Storage.Load/Bot.Storage.Load.csproj tests/Bot.Storage.Load/
COPY tests/Bot.Storage.Tests/Bot.Storage.Tests.csproj tests/Bot.Storage.Tests/
RUN dotnet restore Bot.sln \
 && dotnet restore src/Bot/Bot.csproj -r linux-x64

FROM restore AS build
COPY src/ src/
COPY tests/ tests/
COPY data/ data/
COPY README.md ./
RUN dotnet build Bot.sln -c Release --no-restore

FROM build AS test
# The image has no PostgreSQL server: the PostgreSQL copy of the storage suite is reported skipped here and runs
# in .ci/run (or with --build-arg BOT_TEST_POSTGRES=... pointing at a reachable server).
ARG BOT_TEST_POSTGRES=
ENV BOT_TEST_POSTGRES=${BOT_TEST_POSTGRES} BOT_SKIP_POSTGRES=1
RUN dotnet test Bot.sln -c Release --no-build

FROM build AS publish
# Not trimmed: ML.NET reflects over types that trimming would remove, and fails at run time.
# ReadyToRun: start-up compiles less (ML.NET's fit at start is the bulk of it), measured in the README.
RUN dotnet publish src/Bot/Bot.csproj -c Release -r linux-x64 --self-contained false --no-restore \
    -p:PublishReadyToRun=true -o /app/publish /p:UseAppHost=false

# The ASP.NET Core runtime: the bot serves HTTP interactions, /healthz, /readyz and /metrics.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime-untested
WORKDIR /app
COPY --from=publish /app/publish .
# The catalog ships in the image (data/ beside Bot.dll). Reader lists, votes and server settings go to the
# SQLite file /app/state/bot.db on the volume below (or to PostgreSQL: Storage__Provider=postgres and
# Storage__ConnectionString); the only other file written is the health file.
ENV DOTNET_ENVIRONMENT=Production \
    BOT_DATA_DIR=/app/data \
    Storage__Directory=/app/state \
    Discord__HealthFile=/tmp/bot-healthy \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
RUN mkdir -p /app/state && chown "$APP_UID" /app/state
VOLUME /app/state
# The token comes from the environment (DISCORD_TOKEN) or a mounted secret file:
#   -e Discord__TokenFile=/run/secrets/discord_token
USER $APP_UID
# GET /healthz on the bot's own listener. The image has no curl or wget; bash's /dev/tcp speaks enough HTTP/1.0, so
# no tool is added and no second .NET process starts every 30 s.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Bot.dll"]

# The default target: the same runtime image, built only after the test stage passed.
FROM runtime-untested AS runtime
COPY --from=test /src/global.json /tmp/.tests-passed
