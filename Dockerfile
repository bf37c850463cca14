# The single-user image for a class on Kubernetes (Zero to JupyterHub, hub/z2jh-config.yaml): JupyterLab with the
# tslab kernel and the built course, after the Jupyter Docker Stacks' conventions (jovyan, fix-permissions, conda
# for system tools, start hooks). The course lives in /opt/course; at every start a hook gives the learner's home
# (a persistent volume) their own copy of the notebooks, once. Build: docker build -t neural-notebooks .
FROM quay.io/jupyter/base-notebook:python-3.11

# Node.js for the library and the tslab kernel, from conda-forge like the stacks' other tools.
RUN mamba install --yes 'nodejs>=20.19,<25' && \
    mamba clean --all -f -y && \
    fix-permissions "${CONDA_DIR}" && \
    fix-permissions "/home/${NB_USER}"

# The stacks name their user by variable; it holds the numeric id 1000. (hadolint cannot see that.)
# hadolint ignore=DL3066
USER root
RUN mkdir /opt/course && chown "${NB_UID}:${NB_GID}" /opt/course
# hadolint ignore=DL3066
USER ${NB_UID}
WORKDIR /opt/course

# Dependencies first, so that a change to the course does not reinstall them.
COPY --chown=${NB_UID}:${NB_GID} package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY --chown=${NB_UID}:${NB_GID} requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt && \
    fix-permissions "${CONDA_DIR}"

COPY --chown=${NB_UID}:${NB_GID} tsconfig.json tsconfig.build.json ./
COPY --chown=${NB_UID}:${NB_GID} src ./src
COPY --chown=${NB_UID}:${NB_GID} notebooks ./notebooks
COPY --chown=${NB_UID}:${NB_GID} hub/course-home.sh ./hub/course-home.sh
# Build the library, drop the build tools, register the kernel in the image's env (tslab's own installer).
RUN npm run build && \
    npm prune --omit=dev --no-audit --no-fund && \
    node node_modules/tslab/bin/tslab install --sys-prefix --python=python --binary=/opt/course/node_modules/.bin/tslab && \
    fix-permissions "${CONDA_DIR}"

# A start hook, sourced by the stacks' start script as the learner: ${HOME} is expanded then, not now.
# hadolint ignore=DL3066
USER root
# hadolint ignore=SC2016
RUN printf '%s\n' '/opt/course/hub/course-home.sh /opt/course "${HOME}"' > /usr/local/bin/before-notebook.d/10-course-home.sh
# hadolint ignore=DL3066
USER ${NB_UID}
WORKDIR /home/${NB_USER}
