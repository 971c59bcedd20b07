# syntax=docker/dockerfile:1
# Builds lanchat with the same Maven wrapper command the README uses, then makes two small runtime images:
#   docker build --target server -t lanchat-server .
#   docker build --target client -t lanchat-client .
# docker-compose.yml wires them up.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --create-home --home-dir /home/chat chat
USER chat
WORKDIR /home/chat

FROM runtime AS server
COPY --from=build /src/chat-server/target/chat-server.jar /opt/lanchat/chat-server.jar
COPY chat-server/jvm.options /opt/lanchat/jvm.options
EXPOSE 7777
# With no terminal attached the server runs without its operator console, logging to stdout. The JVM flags are the
# ones ./chat server uses (heap and buffer sizes; see jvm.options).
ENTRYPOINT ["java", "@/opt/lanchat/jvm.options", "-jar", "/opt/lanchat/chat-server.jar"]

FROM runtime AS client
COPY --from=build /src/chat-client/target/chat-client.jar /opt/lanchat/chat-client.jar
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/lanchat/chat-client.jar"]
