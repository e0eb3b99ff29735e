// What the tests' own servers (the SMTP sink, the webhook sink) share: a free port on 127.0.0.1,
// a Python script of the source tree started as a process, and waiting for it to listen.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace meekijk::testing {

// A port on 127.0.0.1 nothing listens on now.
int FreePort();
// Whether something accepts connections on 127.0.0.1:`port`.
bool Accepts(int port);
// Starts Debian's python3 (which has the packages the scripts use; another python3 may come first
// on PATH) with src/testing/`script` and `args`, its standard output discarded, and waits up to
// ten seconds until it listens on `port`; throws when it does not.
pid_t StartScript(const std::string& script, const std::vector<std::string>& args, int port);
// SIGTERM, and waits for it; `pid` is -1 afterwards.
void StopProcess(pid_t& pid);
// The files with `extension` in `directory`, in name order (the sinks name them by arrival).
std::vector<std::filesystem::path> FilesIn(const std::string& directory,
                                           const std::string& extension);
std::string ReadFile(const std::filesystem::path& file);

}  // namespace meekijk::testing
