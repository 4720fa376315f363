# Debian package: cpack -G DEB in the build folder (see docs/packaging.md).
# Included at the end of the top-level CMakeLists.txt; install() rules are
# in app/CMakeLists.txt.
set(CPACK_PACKAGE_NAME "forkscope")
set(CPACK_PACKAGE_VENDOR "The Forkscope developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Browse machine learning training runs and fork them at any step")
set(CPACK_PACKAGE_DESCRIPTION
  "Forkscope is a Qt desktop app and a command-line tool for browsing machine\n"
  "learning training runs and forking them: pick a step on a chart and a new\n"
  "run starts there, inheriting the source's history, as Weights & Biases'\n"
  "fork_from does. Runs live in one embedded SQLite file. English and Japanese.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/forkscope/forkscope")
set(CPACK_PACKAGE_CONTACT "The Forkscope developers <dev@forkscope.local>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev); what
# is loaded as a plugin or read as data is listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
if(FORKSCOPE_BUILD_PYTHON AND FORKSCOPE_PYTHON_VERSION)
  # The Python module (app/python) is built for one python3 minor version.
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
         ", python3 (>= ${FORKSCOPE_PYTHON_VERSION}), python3 (<< ${FORKSCOPE_PYTHON_NEXT_VERSION})")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")

set(CPACK_GENERATOR "DEB")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build/;/build-.*/")
include(CPack)
