// Spawning and stopping the meekijk binary.
#include "testing/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/integer.h"
#include "testing/test_database.h"

extern char** environ;

namespace meekijk::testing {
namespace {

pid_t Spawn(const std::string& binary, const std::vector<std::string>& args, int stdout_fd,
            int stderr_fd) {
  std::vector<std::string> all{binary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : all) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + binary);
  return pid;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int WaitFor(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

CommandResult RunCommand(const std::string& binary, const std::vector<std::string>& args) {
  std::string dir = MakeTemporaryDirectory();
  std::string out_path = dir + "/out", err_path = dir + "/err";
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = Spawn(binary, args, out, err);
  close(out);
  close(err);
  CommandResult result;
  result.exit_code = WaitFor(pid);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

ServerProcess::ServerProcess(const std::string& binary, std::vector<std::string> database_args,
                             std::vector<std::string> extra_args, int open_file_limit) {
  // A login is kept for one second: what another node changed shows within a test's patience.
  std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0", "--threads", "4",
                                "--session-cache-seconds", "1"};
  args.insert(args.end(), database_args.begin(), database_args.end());
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::string program = binary;
  if (open_file_limit > 0) {
    // The shell lowers the limit and becomes the server (exec), so pid_ is the server's.
    args.insert(args.begin(), {"-c", "ulimit -n " + std::to_string(open_file_limit) +
                                         " && exec \"$0\" \"$@\"", binary});
    program = "/bin/sh";
  }
  log_path_ = MakeTemporaryDirectory() + "/server.log";
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  int log_fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_ = Spawn(program, args, pipe_fds[1], log_fd);
  close(pipe_fds[1]);
  close(log_fd);
  // The first line says "meekijk serving on http://127.0.0.1:PORT".
  std::string line;
  char c;
  while (read(pipe_fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(pipe_fds[0]);  // later lines (none expected) would hit a closed pipe: fine
  size_t colon = line.rfind(':');
  if (line.find("serving on") == std::string::npos || colon == std::string::npos) {
    Stop();
    throw std::runtime_error("server did not start: " + line + "\n" + Log());
  }
  port_ = ParseInteger<int>(line.substr(colon + 1)).value_or(0);
}

ServerProcess::~ServerProcess() { Stop(); }

int ServerProcess::Stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = WaitFor(pid_);
  pid_ = -1;
  return status;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  WaitFor(pid_);
  pid_ = -1;
}

std::string ServerProcess::Log() const { return ReadFile(log_path_); }

}  // namespace meekijk::testing
