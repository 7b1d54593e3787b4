// Starts the throwaway cluster through the same script the demo uses, so there
// is one way of running PostgreSQL as a non-root user in this project.
#include "pg_cluster.hpp"

#include <libpq-fe.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace structmig::testing {
namespace {

std::string run_and_capture(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  int status = pclose(pipe);
  if (status != 0) throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

void exec_admin(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to the test cluster: " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

}  // namespace

PgCluster& PgCluster::instance() {
  static PgCluster cluster;
  return cluster;
}

PgCluster::PgCluster() {
  // The unprivileged server user must reach the directory: a 0755 parent.
  std::string base = (std::filesystem::temp_directory_path() / "structmig-test-XXXXXX").string();
  if (!mkdtemp(base.data())) throw std::runtime_error("mkdtemp failed for " + base);
  chmod(base.c_str(), 0755);
  directory_ = base + "/pg";
  admin_conninfo_ = run_and_capture(std::string("bash '") + STRUCTMIG_THROWAWAY_POSTGRES + "' start '" +
                                    directory_ + "'");
}

PgCluster::~PgCluster() {
  std::string command = std::string("bash '") + STRUCTMIG_THROWAWAY_POSTGRES + "' stop '" + directory_ + "'";
  if (std::system(command.c_str()) == 0) {
    std::filesystem::remove_all(std::filesystem::path(directory_).parent_path());
  }
}

std::string PgCluster::fresh_database(const std::string& name_hint) {
  std::string name;
  for (char c : name_hint) name += std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  name = "db_" + name.substr(0, 40) + "_" + std::to_string(getpid()) + "_" + std::to_string(++databases_created_);
  exec_admin(admin_conninfo_, "CREATE DATABASE \"" + name + "\"");
  auto pos = admin_conninfo_.rfind("dbname=");
  return admin_conninfo_.substr(0, pos) + "dbname=" + name;
}

}  // namespace structmig::testing
