#!/usr/bin/env bash
# Sets up the course on Debian or Ubuntu: the data and Jupyter packages, TorchSharp (restored by the Release
# build), and our C# Jupyter kernel registered for your user, so VS Code's Jupyter extension and JupyterLab list it.
# Codespaces runs this same script when it creates the container (.devcontainer/devcontainer.json).
# Safe to run again: installed packages are skipped, the build is incremental, the kernelspec is rewritten.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
  cat <<'USAGE'
Usage: bash tools/setup.sh [--for-tests] [--cuda | --cpu]

  --for-tests    also install what the tests drive or compare against: python3-torch with
                 libopenblas0-pthread (PyTorch, the reference of the side-by-side benchmark; never a
                 runtime dependency of the course),
                 python3-zmq and chromium (a browser to open the HTML export), and .NET Interactive
                 1.0.712001 (the local tool in .config/dotnet-tools.json) registered as the Jupyter
                 kernel dotnet-interactive-csharp, in which the tests run every notebook too.
  --cuda         build the course on TorchSharp-cuda-linux (NVIDIA GPUs, CUDA 12.8; restored from
                 nuget.org) instead of the CPU libtorch. Remembered in course.local.props for every
                 later build; notebooks then put their models on cuda without any change.
  --cpu          back to the CPU libtorch (removes course.local.props).

Needs the .NET 10 SDK, and root or sudo for apt-get.
USAGE
}

for_tests=false
device=""
for arg in "$@"; do
  case "$arg" in
    --for-tests) for_tests=true ;;
    --cuda) device=cuda ;;
    --cpu) device=cpu ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Fashion-MNIST; real time series (vega-datasets, and statsmodels for the Mauna Loa CO2 record); the
# word lists of seven languages for chapter 03 (English, German, French, Italian, Spanish, Dutch, Polish;
# data/words holds samples of them); a real Jupyter client for the kernel's tests and for
# `jupyter nbconvert --execute`.
packages=(dataset-fashion-mnist python3-vega-datasets python3-statsmodels
  wamerican wngerman wfrench witalian wspanish wdutch wpolish
  jupyter-client python3-nbclient jupyter-nbconvert)
if [ "$for_tests" = true ]; then
  packages+=(python3-torch libopenblas0-pthread python3-zmq chromium)
fi

step "Debian packages: ${packages[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  fail "apt-get not found: this script is for Debian and Ubuntu. Install the packages above with your system's package manager, then run the build and kernel steps of this script by hand."
fi
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "All installed."
else
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "installing ${missing[*]} needs root: run this script as root or install sudo."
    as_root=(sudo)
  fi
  echo "Installing: ${missing[*]}"
  ${as_root[@]+"${as_root[@]}"} apt-get update -qq
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}"
fi

step ".NET SDK"
command -v dotnet >/dev/null 2>&1 || fail "dotnet not found: install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux) and run this script again."
sdk_version="$(dotnet --version)"
[ "${sdk_version%%.*}" -ge 10 ] || fail "the course needs the .NET 10 SDK; 'dotnet --version' says $sdk_version."
echo "dotnet $sdk_version"

step "TorchSharp device"
case "$device" in
  cuda)
    printf '%s\n' '<Project>' '  <!-- Written by tools/setup.sh --cuda: TorchSharp-cuda-linux instead of the CPU libtorch. -->' \
      '  <PropertyGroup><TorchDevice>cuda</TorchDevice></PropertyGroup>' '</Project>' > course.local.props ;;
  cpu) rm -f course.local.props ;;
esac
if [ -f course.local.props ]; then echo "cuda (course.local.props; bash tools/setup.sh --cpu to go back)"; else echo "cpu"; fi

step "Build (Release)"
dotnet build Course.sln -c Release --nologo -v quiet

if [ "$for_tests" = true ]; then
  # .NET Interactive's installer names its C# kernelspec ".net-csharp", the name our kernel (and the
  # notebooks' metadata) use: installed as is, it would replace the course kernel. It is installed into a
  # scratch folder and registered as "dotnet-interactive-csharp" instead.
  step ".NET Interactive (the second kernel the notebooks are tested in), as kernelspec dotnet-interactive-csharp"
  dotnet tool restore
  scratch="$(mktemp -d)"
  dotnet interactive jupyter install --path "$scratch"
  kernels="$(/usr/bin/python3 -c 'import jupyter_core.paths as p; print(p.jupyter_data_dir())')/kernels"
  rm -rf "$kernels/dotnet-interactive-csharp"
  mkdir -p "$kernels"
  cp -r "$scratch/.net-csharp" "$kernels/dotnet-interactive-csharp"
  /usr/bin/python3 - "$kernels/dotnet-interactive-csharp/kernel.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["display_name"] = ".NET Interactive 1.0.712001 (C#)"
json.dump(spec, open(sys.argv[1], "w"), indent=2)
PY
  rm -rf "$scratch"
fi

step "Jupyter kernel (for this user)"
dotnet run --project tools/Course.Kernel -c Release -- install --user
if command -v jupyter >/dev/null 2>&1; then
  jupyter kernelspec list
fi

step "Done"
echo "Open notebooks/00-setup-and-tensors.ipynb in VS Code or JupyterLab and pick the course's C# kernel."
echo "Run every notebook headless: dotnet run --project tools/Course.Kernel -c Release -- run notebooks"
