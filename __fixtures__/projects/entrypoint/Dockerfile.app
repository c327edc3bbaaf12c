# The ENTRYPOINT is the application: the check replaces it with its own program.
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
ENTRYPOINT ["python", "app.py"]
