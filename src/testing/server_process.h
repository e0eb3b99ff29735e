// Runs the real `meekijk` binary for HTTP tests: a demo region in a fresh database, then
// `meekijk serve` on 127.0.0.1 port 0. The port is read from the server's first line of output;
// the server is stopped with SIGTERM (graceful) when the object goes away.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace meekijk::testing {

// The result of running a command to completion.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `binary args…` and waits; stdout and stderr are captured.
CommandResult RunCommand(const std::string& binary, const std::vector<std::string>& args);

class ServerProcess {
 public:
  // Starts `meekijk serve` with the database arguments and any extra arguments; with an
  // `open_file_limit`, under `ulimit -n` of that many files.
  ServerProcess(const std::string& binary, std::vector<std::string> database_args,
                std::vector<std::string> extra_args = {}, int open_file_limit = 0);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits; returns the exit status (0 on a clean, graceful stop).
  int Stop();
  // Kills the server with SIGKILL, as a crash or a power cut would, and waits for it.
  void Kill();
  // The server's structured log so far (its stderr).
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace meekijk::testing
