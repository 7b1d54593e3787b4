// A throwaway PostgreSQL cluster for tests: started once per test program by
// scripts/throwaway-postgres.sh (as an unprivileged user when run as root) in
// a fresh temporary directory, stopped and removed at exit. Each test gets a
// database of its own. Tests never touch a server they did not start.
#pragma once

#include <string>

namespace structmig::testing {

class PgCluster {
 public:
  /// The cluster of this test program, started on first use.
  static PgCluster& instance();

  /// conninfo for the cluster's maintenance database (postgres).
  const std::string& admin_conninfo() const { return admin_conninfo_; }
  /// Creates a new, empty database and returns its conninfo.
  std::string fresh_database(const std::string& name_hint = "t");
  /// The cluster's temporary directory (socket, logs).
  const std::string& directory() const { return directory_; }

  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

 private:
  PgCluster();
  std::string directory_;
  std::string admin_conninfo_;
  int databases_created_ = 0;
};

}  // namespace structmig::testing
