// A flood of clients that open connections and never finish their request must not take the
// server from anyone else: with the open-file limit at 1024 and 1,100 such clients, a
// well-behaved client is still answered within 2 seconds, and the server neither spins nor
// floods its log.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

// The numbers; on a machine whose hard limit leaves the test fewer files, both shrink
// alike, so that the clients still outnumber the server's files.
constexpr int kServerFileLimit = 1024;
constexpr int kTricklingClients = 1100;
constexpr int kTestsOwnFiles = 64;

class ConnectionFloodHttpTest : public ApiTest {
 protected:
  void TearDown() override {
    for (int fd : trickling_) close(fd);
    ApiTest::TearDown();
  }

  int Connect() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd);
      return -1;
    }
    return fd;
  }

  // The CPU time (user + system, in clock ticks) the server has used so far.
  long CpuTicks() {
    std::ifstream stat("/proc/" + std::to_string(server_->pid()) + "/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), {});
    std::istringstream fields(content.substr(content.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
      if (i == 14) utime = std::stol(field);
      if (i == 15) {
        stime = std::stol(field);
        break;
      }
    }
    return utime + stime;
  }

  std::vector<int> trickling_;
};

TEST_P(ConnectionFloodHttpTest, AWellBehavedClientIsAnsweredWithinTwoSecondsDuringAFlood) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);
  int server_files = kServerFileLimit, clients = kTricklingClients;
  if (files.rlim_max < static_cast<rlim_t>(kTricklingClients + kTestsOwnFiles)) {
    clients = static_cast<int>(files.rlim_max) - kTestsOwnFiles;
    server_files = clients * kServerFileLimit / kTricklingClients;
  }
  ASSERT_GT(server_files, 128) << "the hard open-file limit " << files.rlim_max << " is too low";
  server_->Stop();
  server_ = StartNode({}, server_files);

  for (int i = 0; i < clients; ++i) {
    int fd = Connect();
    ASSERT_GE(fd, 0) << "connection " << i;
    trickling_.push_back(fd);
    std::string partial = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    ASSERT_GT(send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), 0);
  }
  long cpu_before = CpuTicks();
  auto started = std::chrono::steady_clock::now();
  int fd = Connect();
  ASSERT_GE(fd, 0);
  std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(request.size()));
  char answer[512] = {};
  ssize_t got = recv(fd, answer, sizeof answer - 1, 0);
  close(fd);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_GT(got, 0) << "no answer within 2 s";
  EXPECT_EQ(std::string(answer).rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_LT(seconds, 2.0);

  // Idle with the flood still connected, the server uses (nearly) no CPU: it does not spin.
  long cpu_idle_start = CpuTicks();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  long ticks_per_second = sysconf(_SC_CLK_TCK);
  EXPECT_LT(CpuTicks() - cpu_idle_start, ticks_per_second / 4) << "before: " << cpu_before;

  std::string log = server_->Log();
  size_t lines = 0;
  for (size_t at = log.find("accept_failed"); at != std::string::npos;
       at = log.find("accept_failed", at + 1)) {
    ++lines;
  }
  EXPECT_LE(lines, 5u);
  EXPECT_NE(log.find("connection_shed"), std::string::npos);
  EXPECT_LT(log.size(), 1u << 20);
}

TEST_P(ConnectionFloodHttpTest, AtTheConfiguredCapTheLongestWaitingConnectionMakesRoom) {
  server_->Stop();
  server_ = StartNode({"--max-connections", "4"});
  for (int i = 0; i < 6; ++i) {
    int fd = Connect();
    ASSERT_GE(fd, 0);
    trickling_.push_back(fd);  // connected, and not a byte sent
  }
  testing::HttpClient client(server_->port());
  EXPECT_EQ(client.Get("/healthz").status, 200);
  // The first idle connection was shed: the server closed it, so reading it ends at once.
  char byte = 0;
  EXPECT_EQ(recv(trickling_.front(), &byte, 1, 0), 0);
  EXPECT_NE(server_->Log().find("connection_shed"), std::string::npos);
}

// The flood touches no database: one engine is enough.
INSTANTIATE_TEST_SUITE_P(Engines, ConnectionFloodHttpTest,
                         ::testing::Values(testing::Engine::kSqlite), TestName);

}  // namespace
}  // namespace meekijk::api
