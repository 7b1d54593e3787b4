# How other projects use structmig: an installed package (install(EXPORT)) or
# straight from this build tree (export()), both through
#   find_package(structmig CONFIG REQUIRED)
# which provides structmig::runtime, structmig::cli, structmig::structmig (the
# generator, when built) and structmig_add_migrations().
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(_structmig_exported structmig_runtime)
if(TARGET structmig_cli)
  list(APPEND _structmig_exported structmig_cli)
endif()
if(TARGET structmig)
  list(APPEND _structmig_exported structmig)
endif()

set(STRUCTMIG_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/structmig)
install(TARGETS ${_structmig_exported} EXPORT structmigTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY runtime/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT structmigTargets NAMESPACE structmig:: DESTINATION ${STRUCTMIG_INSTALL_CMAKEDIR})
install(FILES cmake/StructMig.cmake DESTINATION ${STRUCTMIG_INSTALL_CMAKEDIR})
install(FILES runtime/cli/main.cpp DESTINATION ${CMAKE_INSTALL_DATADIR}/structmig)

# Installed config.
set(STRUCTMIG_CONFIG_CLI_MAIN "\${PACKAGE_PREFIX_DIR}/${CMAKE_INSTALL_DATADIR}/structmig/main.cpp")
set(STRUCTMIG_CONFIG_MODULE "\${CMAKE_CURRENT_LIST_DIR}/StructMig.cmake")
configure_package_config_file(cmake/structmigConfig.cmake.in
  ${PROJECT_BINARY_DIR}/install/structmigConfig.cmake
  INSTALL_DESTINATION ${STRUCTMIG_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/structmigConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/install/structmigConfig.cmake
              ${PROJECT_BINARY_DIR}/structmigConfigVersion.cmake
        DESTINATION ${STRUCTMIG_INSTALL_CMAKEDIR})

# Build-tree config: a consumer can point structmig_DIR at this build.
export(EXPORT structmigTargets NAMESPACE structmig:: FILE ${PROJECT_BINARY_DIR}/structmigTargets.cmake)
set(STRUCTMIG_CONFIG_CLI_MAIN "${PROJECT_SOURCE_DIR}/runtime/cli/main.cpp")
set(STRUCTMIG_CONFIG_MODULE "${PROJECT_SOURCE_DIR}/cmake/StructMig.cmake")
set(PACKAGE_INIT "get_filename_component(PACKAGE_PREFIX_DIR \"${PROJECT_BINARY_DIR}\" ABSOLUTE)")
configure_file(cmake/structmigConfig.cmake.in ${PROJECT_BINARY_DIR}/structmigConfig.cmake @ONLY)
